package io.vtsdk.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import io.vtsdk.server.psc.PscIdentity;
import io.vtsdk.server.psc.PscSimulator;
import io.vtsdk.server.psc.PscTokenException;
import io.vtsdk.server.psc.PscTokenVerifier;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pro Santé Connect access-token verification as the reference server does it (issue 20: ≥ 10,000/s on one core with
 * the JWKS cached), against Nimbus's bare RS256 check of the same token — parse and signature with a key already in
 * hand — as the baseline. One thread.
 *
 * <ul>
 *   <li>{@code verifierInProcessKeys}: {@link PscTokenVerifier#verify} over the simulator's published keys (what the
 *       reference server does: key selection by {@code kid}, signature, {@code iss}, {@code exp}, {@code aud},
 *       {@code acr}, the identity read from {@code SubjectRefPro});</li>
 *   <li>{@code verifierRemoteJwksCached}: the same over the JWKS fetched from {@code …/psc/jwks} by Nimbus's
 *       {@code JWKSourceBuilder} and cached (what a separate resource server does);</li>
 *   <li>{@code bareSignature}: {@code SignedJWT.parse} + {@code RSASSAVerifier.verify}.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar vt-bench/target/benchmarks.jar PscTokenBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(1)
public class PscTokenBenchmark {
  HttpServer jwks;
  String token;
  PscTokenVerifier inProcess;
  PscTokenVerifier remote;
  RSASSAVerifier bare;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    // the simulator alone, its JWKS served by a bare JDK server (a reference server would warm its FHIR validator
    // up in the background, on the cores being measured)
    jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String issuer = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/psc";
    PscSimulator psc = new PscSimulator(() -> issuer, Clock.systemUTC(), u -> u.value(),
        PscSimulator.demoProfessionals());
    jwks.createContext("/psc/jwks", x -> {
      byte[] body = psc.publicKeys().toString(true).getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(200, body.length);
      try (OutputStream o = x.getResponseBody()) {
        o.write(body);
      }
    });
    jwks.start();
    token = psc.issueAccessToken(psc.professional("810202020201").orElseThrow(), PscSimulator.VT_AUDIENCE,
        PscSimulator.ACR_SUBSTANTIAL, Instant.now().plusSeconds(3600));
    inProcess = psc.verifier(PscSimulator.VT_AUDIENCE);
    remote = PscTokenVerifier.forIssuer(URI.create(psc.issuer()), PscSimulator.VT_AUDIENCE);
    bare = new RSASSAVerifier((RSAKey) psc.publicKeys().getKeys().get(0));
    // the three must accept the token, or the run measures a refusal
    if (!verifierInProcessKeys().nationalId().equals(verifierRemoteJwksCached().nationalId()) || !bareSignature()) {
      throw new IllegalStateException("the benchmark's token must verify");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    jwks.stop(0);
  }

  @Benchmark
  public PscIdentity verifierInProcessKeys() throws PscTokenException {
    return inProcess.verify(token);
  }

  @Benchmark
  public PscIdentity verifierRemoteJwksCached() throws PscTokenException {
    return remote.verify(token);
  }

  @Benchmark
  public boolean bareSignature() throws ParseException, JOSEException {
    SignedJWT jwt = SignedJWT.parse(token);
    return jwt.verify(bare);
  }
}
