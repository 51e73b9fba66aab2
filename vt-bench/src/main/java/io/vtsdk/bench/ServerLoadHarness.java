package io.vtsdk.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Profession;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.dossier.AdminSocialSection;
import io.vtsdk.model.dossier.CareSection;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.MedicalSection;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.dossier.RequestingServiceSection;
import io.vtsdk.model.dossier.SectionInfo;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.identity.Sex;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Load harness (not a unit test): the reference server vs WireMock 3 serving an equivalent stub, in the same run,
 * with the same client. GET a dossier and POST a response, requests/s and p50/p99 latency; then cold start in fresh
 * JVMs (median of 5).
 *
 * <p>Run: {@code java [-Dvt.bench.wrk=true] -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.ServerLoadHarness
 * [seconds] [threads] [requests to prepare]}. With {@code vt.bench.wrk}, wrk (a C load generator, Debian package
 * {@code wrk}) drives both servers instead of the JDK client, which otherwise takes much of the shared CPU. The POST phase answers requests prepared beforehand (one legal answer each); if they run
 * out, the remaining calls count as errors — prepare more.
 */
public final class ServerLoadHarness {
  private static final JsonMapper JSON = VtJson.newMapper();
  private static final String[] SMRS = {"SMR-CARDIO-69", "SMR-GERIA-01", "SMR-POLY-75"};

  private ServerLoadHarness() {}

  record Result(String name, double rps, double p50ms, double p99ms, long errors) {}

  public static void main(String[] args) throws Exception {
    run(args);
    System.exit(0); // the JDK HttpClient's selector thread would keep the JVM alive
  }

  /** Runs the harness and returns (for {@link BenchmarkReport}); {@link #main} exits after it. */
  static void run(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(threads);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).build();

    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      String token = vt.demoToken(Role.REQUESTER);
      String dossierJson = JSON.writeValueAsString(dossier());
      String dossierId = JSON.readTree(send(client, postJson(vt.url("/v1/dossiers"), token, dossierJson)).body())
          .get("id").asText();
      java.util.Map<String, String> unitTokens = new java.util.HashMap<>();
      for (String unit : SMRS) {
        unitTokens.put(unit, vt.tokens().issue(Role.RECEIVER, UnitId.of(unit), null));
      }
      String smrToken = unitTokens.get(SMRS[0]);
      // enough requests for the POST phase: each gets one response (WAITING_LIST) — a legal, stateful write
      int needed = args.length > 2 ? Integer.parseInt(args[2]) : 40_000;
      ConcurrentLinkedQueue<String> requestIds = createRequests(client, vt, token, dossierJson, needed, threads);
      String getBody = send(client, HttpRequest.newBuilder(vt.url("/v1/dossiers/" + dossierId))
          .header("Authorization", "Bearer " + token).build()).body();
      String respondBody = "{\"kind\":\"WAITING_LIST\"}";

      WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
      wm.start();
      String[] first = requestIds.poll().split("\\|");
      String postAnswer = send(client, postJson(vt.url("/v1/requests/" + first[0] + "/responses"),
          unitTokens.get(first[1]), respondBody)).body();
      wm.stubFor(get(urlEqualTo("/v1/dossiers/" + dossierId)).willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "application/json").withHeader("ETag", "\"1\"").withBody(getBody)));
      wm.stubFor(post(urlPathMatching("/v1/requests/.*/responses")).willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "application/json").withBody(postAnswer)));
      URI wmBase = URI.create(wm.baseUrl());

      List<Result> results = new ArrayList<>();
      if (WRK) {
        // wrk (C, epoll) as the load generator: far less client CPU on the shared 2 cores than the JDK client
        String getScript = "wrk.method = \"GET\"\nwrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n";
        wrk("warm-up", vt.url("/v1/dossiers/" + dossierId), getScript, 3);
        wrk("warm-up", wmBase.resolve("/v1/dossiers/" + dossierId), getScript, 3);
        results.add(wrk("GET dossier — reference server (wrk)", vt.url("/v1/dossiers/" + dossierId), getScript,
            seconds));
        results.add(wrk("GET dossier — WireMock stub (wrk)", wmBase.resolve("/v1/dossiers/" + dossierId), getScript,
            seconds));
        Path lines = java.nio.file.Files.createTempFile("vt-requests", ".txt");
        StringBuilder sb = new StringBuilder();
        for (String entry : requestIds) {
          String[] idUnit = entry.split("\\|");
          sb.append("/v1/requests/").append(idUnit[0]).append("/responses ").append(unitTokens.get(idUnit[1]))
              .append('\n');
        }
        java.nio.file.Files.writeString(lines, sb);
        String postScript = String.join("\n",
            "local lines = {}",
            "local n = 0",
            "local threads = 0",
            "function setup(thread) thread:set(\"tid\", threads); threads = threads + 1 end",
            "function init(args)",
            "  for l in io.lines(\"" + lines + "\") do table.insert(lines, l) end",
            "  n = tid",
            "end",
            "function request()",
            "  local l = lines[n + 1] or lines[1]",
            "  n = n + " + WRK_THREADS,
            "  local path, tok = l:match(\"(%S+) (%S+)\")",
            "  return wrk.format(\"POST\", path, {[\"Authorization\"] = \"Bearer \" .. tok,",
            "    [\"Content-Type\"] = \"application/json\"}, '" + respondBody + "')",
            "end", "");
        results.add(wrk("POST response — reference server (wrk)", vt.url("/"), postScript, seconds));
        String wmPost = "wrk.method = \"POST\"\nwrk.body = '" + respondBody + "'\n"
            + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
            + "wrk.headers[\"Authorization\"] = \"Bearer " + smrToken + "\"\n";
        results.add(wrk("POST response — WireMock stub (wrk)", wmBase.resolve("/v1/requests/R-1/responses"), wmPost,
            seconds));
        wm.stop();
        print(results, startTimes("reference"), startTimes("wiremock"), seconds,
            "wrk -t" + WRK_THREADS + " -c" + WRK_CONNECTIONS);
        executor.shutdown();
        return;
      }
      // warm-up both, then measure
      run("warm-up", client, threads, 3, i -> HttpRequest.newBuilder(vt.url("/v1/dossiers/" + dossierId))
          .header("Authorization", "Bearer " + token).build());
      run("warm-up", client, threads, 3, i -> HttpRequest.newBuilder(wmBase.resolve("/v1/dossiers/" + dossierId))
          .header("Authorization", "Bearer " + token).build());
      results.add(run("GET dossier — reference server", client, threads, seconds,
          i -> HttpRequest.newBuilder(vt.url("/v1/dossiers/" + dossierId))
              .header("Authorization", "Bearer " + token).build()));
      results.add(run("GET dossier — WireMock stub", client, threads, seconds,
          i -> HttpRequest.newBuilder(wmBase.resolve("/v1/dossiers/" + dossierId))
              .header("Authorization", "Bearer " + token).build()));
      results.add(run("POST response — reference server", client, threads, seconds, i -> {
        String entry = requestIds.poll();
        String[] idUnit = entry == null ? new String[] {"EXHAUSTED", SMRS[0]} : entry.split("\\|");
        return postJson(vt.url("/v1/requests/" + idUnit[0] + "/responses"), unitTokens.get(idUnit[1]),
            respondBody);
      }));
      results.add(run("POST response — WireMock stub", client, threads, seconds,
          i -> postJson(wmBase.resolve("/v1/requests/R-" + i + "/responses"), smrToken, respondBody)));
      wm.stop();

      long[] refStart = startTimes("reference");
      long[] wmStart = startTimes("wiremock");
      print(results, refStart, wmStart, seconds, "JDK HttpClient, " + threads + " threads");
    }
    executor.shutdown();
  }

  static ConcurrentLinkedQueue<String> createRequests(HttpClient client, ReferenceServer vt, String token,
      String dossierJson, int needed, int threads) throws Exception {
    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    AtomicInteger created = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> jobs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      jobs.add(pool.submit(() -> {
        while (created.get() < needed) {
          String id = JSON.readTree(send(client, postJson(vt.url("/v1/dossiers"), token, dossierJson)).body())
              .get("id").asText();
          JsonNode sent = JSON.readTree(send(client, postJson(vt.url("/v1/dossiers/" + id + "/requests"), token,
              "{\"units\":[\"SMR-CARDIO-69\",\"SMR-GERIA-01\",\"SMR-POLY-75\"]}")).body());
          for (JsonNode r : sent.get("items")) {
            ids.add(r.get("id").asText() + "|" + r.get("unit").asText());
            created.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : jobs) {
      f.get();
    }
    pool.shutdown();
    return ids;
  }

  static Result run(String name, HttpClient client, int threads, int seconds, IntFunction<HttpRequest> next)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicInteger seq = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> parts = new ArrayList<>();
    long[] errors = new long[1];
    for (int t = 0; t < threads; t++) {
      parts.add(pool.submit(() -> {
        long[] lat = new long[1 << 20];
        int n = 0;
        while (System.nanoTime() < deadline && n < lat.length) {
          HttpRequest req = next.apply(seq.incrementAndGet());
          long s = System.nanoTime();
          HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
          lat[n++] = System.nanoTime() - s;
          if (r.statusCode() >= 300) {
            synchronized (errors) {
              errors[0]++;
            }
          }
        }
        return Arrays.copyOf(lat, n);
      }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : parts) {
      all.add(f.get());
    }
    pool.shutdown();
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double rps = merged.length / (double) seconds;
    return new Result(name, rps, pct(merged, 50), pct(merged, 99), errors[0]);
  }

  static final boolean WRK = Boolean.getBoolean("vt.bench.wrk");
  static final int WRK_THREADS = 2;
  static final int WRK_CONNECTIONS = 8;

  /** Runs wrk with a Lua script; parses requests/s, p50, p99 and non-2xx counts from its report. */
  static Result wrk(String name, URI url, String script, int seconds) throws Exception {
    Path lua = java.nio.file.Files.createTempFile("vt-bench", ".lua");
    java.nio.file.Files.writeString(lua, script);
    Process p = new ProcessBuilder("wrk", "-t" + WRK_THREADS, "-c" + WRK_CONNECTIONS, "-d" + seconds + "s",
        "--latency", "-s", lua.toString(), url.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + out);
    }
    double rps = Double.parseDouble(grab(out, "Requests/sec:\\s+([0-9.]+)"));
    String non2xx = grabOrNull(out, "Non-2xx or 3xx responses:\\s+([0-9]+)");
    return new Result(name, rps, millis(grab(out, "\\s50%\\s+([0-9.]+\\w+)")),
        millis(grab(out, "\\s99%\\s+([0-9.]+\\w+)")), non2xx == null ? 0 : Long.parseLong(non2xx));
  }

  private static String grab(String text, String regex) {
    String v = grabOrNull(text, regex);
    if (v == null) {
      throw new IllegalStateException("no match for " + regex + " in wrk output:\n" + text);
    }
    return v;
  }

  private static String grabOrNull(String text, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static double millis(String v) {
    double n = Double.parseDouble(v.replaceAll("[a-z]+$", ""));
    return v.endsWith("us") ? n / 1000 : v.endsWith("ms") ? n : v.endsWith("s") ? n * 1000 : n;
  }

  static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  static long[] startTimes(String which) throws Exception {
    String jar = Path.of(ServerLoadHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    long[] inProcess = new long[5];
    for (int i = 0; i < inProcess.length; i++) {
      Process p = new ProcessBuilder("java", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", jar,
          StartProbe.class.getName(), which).redirectErrorStream(false).start();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line = r.readLine();
        inProcess[i] = Long.parseLong(line.trim().split(" ")[0]);
      }
      p.waitFor();
    }
    Arrays.sort(inProcess);
    return inProcess;
  }

  static void print(List<Result> results, long[] refStart, long[] wmStart, int seconds, String client) {
    System.out.printf(Locale.ROOT, "%n%s, %d s per phase, HTTP/1.1 keep-alive, loopback; %s, %d cores%n",
        client, seconds, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.println("| phase | requests/s | p50 ms | p99 ms | errors |");
    System.out.println("|---|---|---|---|---|");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d |%n", r.name(), r.rps(), r.p50ms(), r.p99ms(),
          r.errors());
    }
    System.out.printf(Locale.ROOT, "GET ratio (ours / WireMock): %.2fx   POST ratio: %.2fx%n",
        results.get(0).rps() / results.get(1).rps(), results.get(2).rps() / results.get(3).rps());
    System.out.printf(Locale.ROOT, "Start (ms, in-process, median of 5 fresh JVMs): reference %d, WireMock %d, "
        + "ratio %.2fx  (all: %s vs %s)%n", refStart[2], wmStart[2], refStart[2] / (double) wmStart[2],
        Arrays.toString(refStart), Arrays.toString(wmStart));
  }

  static HttpRequest postJson(URI uri, String token, String body) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  static HttpResponse<String> send(HttpClient client, HttpRequest req) {
    try {
      return client.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A complete Sanitaire dossier (valid at SUBMISSION), synthetic. */
  static Dossier dossier() {
    Professional doctor = Professional.of(null, "DUPONT", "Jean", Profession.MEDECIN);
    SectionInfo info = SectionInfo.draft(doctor);
    return Dossier.builder(DossierId.of("ignored"), VtModule.SANITAIRE)
        .patient(Patient.builder().birthName("MARTIN").firstBirthGivenName("Claire").sex(Sex.F)
            .birthDate(LocalDate.of(1948, 5, 2)).identityStatus(IdentityStatus.PROVISOIRE).build())
        .requester(new Requester(ReferenceServer.DEMO_REQUESTER_UNIT, doctor))
        .requestType(RequestType.A_DOMICILE)
        .orientation(Orientation.smr(SmrMention.CARDIO_VASCULAIRE, List.of("Adultes", "Cardiologie")))
        .medical(new MedicalSection(info, "synthetic", List.of(), 3, true))
        .care(new CareSection(info, "rééducation", "kinésithérapie"))
        .adminSocial(new AdminSocialSection(info, null, null, null, null, null, null, null))
        .requestingService(new RequestingServiceSection(info, "Cardiologie", null, null))
        .build();
  }
}
