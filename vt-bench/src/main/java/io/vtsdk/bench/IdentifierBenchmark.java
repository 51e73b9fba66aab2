package io.vtsdk.bench;

import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.identity.Nir;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Identifier checks against the obvious baseline (regex + BigInteger for the NIR), in the same run.
 *
 * <p>Run: {@code java -jar vt-bench/target/benchmarks.jar IdentifierBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IdentifierBenchmark {
  private static final Pattern NIR = Pattern.compile("[123478][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{8}");
  private static final BigInteger N97 = BigInteger.valueOf(97);

  // "2 48 05 69 123 456" with its key, and a Corsican one
  String nir = "248056912345658";
  String corsican = "184122A12345697";
  String spaced = "2 48 05 69 123 456 58";
  String finess = "750712184";

  /** Fails the run if an input is not what the benchmark claims to measure. */
  @Setup
  public void check() {
    if (!nirIsValid() || !nirIsValidCorsican() || !nirIsValidWithSpaces() || !nirBaselineRegexBigInteger()
        || !finessIsValid()) {
      throw new IllegalStateException("benchmark inputs must be valid identifiers");
    }
  }

  @Benchmark
  public boolean nirIsValid() {
    return Nir.isValid(nir);
  }

  @Benchmark
  public boolean nirIsValidCorsican() {
    return Nir.isValid(corsican);
  }

  @Benchmark
  public boolean nirIsValidWithSpaces() {
    return Nir.isValid(spaced);
  }

  /** Baseline: regex for the format, BigInteger for the key. */
  @Benchmark
  public boolean nirBaselineRegexBigInteger() {
    String s = nir;
    if (!NIR.matcher(s).matches()) {
      return false;
    }
    String n = s.substring(0, 13).replace("2A", "19").replace("2B", "18");
    int key = 97 - new BigInteger(n).mod(N97).intValue();
    return key == Integer.parseInt(s.substring(13));
  }

  @Benchmark
  public boolean finessIsValid() {
    return Finess.isValid(finess);
  }
}
