package dev.tenantry.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code profile_page_kb} / {@code profile_page_ms}: the OWNER administrator's {@code /profile} at
 * full size (median of 5 after 2 warm-ups), and the same for {@code GET
 * /api/v1/me/effective-permissions} ({@code effective_api_kb}, {@code effective_api_ms}).
 */
final class ProfileBench {
  private ProfileBench() {}

  static void measure(String base, String session, String bearer, Map<String, String> f)
      throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    var page =
        HttpRequest.newBuilder(URI.create(base + "/profile"))
            .header("Cookie", "SESSION=" + session)
            .build();
    var api =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/me/effective-permissions"))
            .header("Authorization", "Bearer " + bearer)
            .build();
    long[] p = time(client, page, f, "profile_page");
    long[] a = time(client, api, f, "effective_api");
    System.out.printf("profile: %d B in %d ms; API: %d B in %d ms%n", p[0], p[1], a[0], a[1]);
  }

  private static long[] time(HttpClient client, HttpRequest req, Map<String, String> f, String name)
      throws Exception {
    long[] ms = new long[5];
    long bytes = 0;
    for (int i = -2; i < ms.length; i++) {
      long t = System.nanoTime();
      HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
      long took = (System.nanoTime() - t) / 1_000_000;
      if (r.statusCode() != 200) {
        throw new IllegalStateException(name + " answered " + r.statusCode());
      }
      bytes = r.body().length;
      if (i >= 0) {
        ms[i] = took;
      }
    }
    Arrays.sort(ms);
    f.put(name + "_kb", String.valueOf(Math.round(bytes / 1024.0)));
    f.put(name + "_ms", String.valueOf(ms[ms.length / 2]));
    return new long[] {bytes, ms[ms.length / 2]};
  }
}
