package dev.tenantry.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Files as chunks (DESIGN §7). The test profile uses 64 KiB chunks and a 1 MiB limit
 * (application-test.yml), so these files span several chunks and the limit is reachable.
 */
class LibraryFilesTest extends LibraryTestSupport {

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private String media(TestUsers.TestUser as) {
    return created(
        as.http()
            .post(
                "/api/v1/media", Map.of("name", "file-" + UUID.randomUUID(), "fileName", "f.bin")));
  }

  @Test
  void anUploadComesBackWholeAndByRangeAcrossChunkBoundaries() throws Exception {
    TestUsers.TestUser admin = tenantAdmin(testUsers.clientTenant("files"));
    String id = media(admin);
    byte[] content = bytes(300_000, 1); // 4.6 chunks of 64 KiB
    Raw up =
        raw(
            admin,
            "PUT",
            "/api/v1/media/" + id + "/content",
            () -> new ByteArrayInputStream(content));
    assertThat(up.status()).as(new String(up.body())).isEqualTo(200);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    assertThat(up.json().path("sha256").asString()).isEqualTo(sha);
    assertThat(up.json().path("size").asLong()).isEqualTo(content.length);

    Raw whole = raw(admin, "GET", "/api/v1/media/" + id + "/content", null);
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(whole.body()).isEqualTo(content);

    Raw part =
        raw(admin, "GET", "/api/v1/media/" + id + "/content", null, "Range", "bytes=65530-131080");
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.header("Content-Range")).isEqualTo("bytes 65530-131080/300000");
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(content, 65530, 131081));

    Raw tail = raw(admin, "GET", "/api/v1/media/" + id + "/content", null, "Range", "bytes=-10");
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(content, 299_990, 300_000));

    Raw outside =
        raw(admin, "GET", "/api/v1/media/" + id + "/content", null, "Range", "bytes=300000-");
    assertThat(outside.status()).isEqualTo(416);
    assertThat(outside.header("Content-Range")).isEqualTo("bytes */300000");
  }

  @Test
  void aFileOverTheLimitIsRefusedWith413AndLeavesNothing() {
    TestUsers.TestUser admin = tenantAdmin(testUsers.clientTenant("files-big"));
    String id = media(admin);
    long blobsBefore = jdbc.sql("select count(*) from file_blob").query(Long.class).single();
    byte[] big = bytes(1_048_577, 2);
    Raw r =
        raw(admin, "PUT", "/api/v1/media/" + id + "/content", () -> new ByteArrayInputStream(big));
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().path("code").asString()).isEqualTo("payload-too-large");
    assertThat(jdbc.sql("select count(*) from file_blob").query(Long.class).single())
        .isLessThanOrEqualTo(blobsBefore);
    assertThat(
            jdbc.sql("select blob_id is null from media where id = ?::uuid")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  /**
   * The declared length alone decides: the client sends ten bytes of a declared 2 MB body and
   * waits; the answer comes without the server waiting for the rest.
   */
  @Test
  void aContentLengthOverTheLimitIsRefusedWith413BeforeTheBodyIsRead() throws Exception {
    TestUsers.TestUser admin = tenantAdmin(testUsers.clientTenant("files-declared"));
    String id = media(admin);
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(60_000); // a server waiting for the body would never answer
      String head =
          "PUT /api/v1/media/"
              + id
              + "/content HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + dev.tenantry.support.TestOidc.token(admin.tid(), admin.oid(), "t@example.com")
              + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 2000000\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(new byte[10]);
      socket.getOutputStream().flush();
      var reader =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(reader.readLine()).startsWith("HTTP/1.1 413");
    }
    assertThat(
            jdbc.sql("select blob_id is null from media where id = ?::uuid")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void identicalFilesOfTwoTenantsShareOneBlobWithoutEitherNoticing() {
    TestUsers.TestUser a = tenantAdmin(testUsers.clientTenant("dedup-a"));
    TestUsers.TestUser b = tenantAdmin(testUsers.clientTenant("dedup-b"));
    byte[] content = bytes(100_000, UUID.randomUUID().getMostSignificantBits());
    String ma = media(a);
    String mb = media(b);
    Raw first =
        raw(a, "PUT", "/api/v1/media/" + ma + "/content", () -> new ByteArrayInputStream(content));
    Raw second =
        raw(b, "PUT", "/api/v1/media/" + mb + "/content", () -> new ByteArrayInputStream(content));
    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    // the same answer shape for the first and the second upload of the same bytes
    assertThat(fieldNames(first)).isEqualTo(fieldNames(second));
    assertThat(first.json().path("sha256")).isEqualTo(second.json().path("sha256"));
    // one blob underneath
    assertThat(
            jdbc.sql("select count(distinct blob_id) from media where id in (?::uuid, ?::uuid)")
                .params(ma, mb)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // and still invisible to each other
    assertThat(raw(b, "GET", "/api/v1/media/" + ma + "/content", null).status()).isEqualTo(404);
    assertThat(raw(b, "GET", "/api/v1/media/" + mb + "/content", null).body()).isEqualTo(content);
  }

  private static java.util.List<String> fieldNames(Raw r) {
    java.util.List<String> names = new java.util.ArrayList<>();
    r.json().propertyNames().forEach(names::add);
    names.removeAll(java.util.List.of("id", "name", "ownerTenantId", "createdAt", "updatedAt"));
    return names;
  }

  @Test
  void softwareVersionsAreOrderedAsVersionsNotAsText() {
    TestUsers.TestUser admin = tenantAdmin(testUsers.clientTenant("versions"));
    String sw = created(admin.http().post("/api/v1/software", Map.of("name", "7-Zip")));
    for (String v : new String[] {"1.10", "1.2", "1.0", "1.0-beta", "1.0.1", "2.0rc1", "2.0"}) {
      created(admin.http().post("/api/v1/software/" + sw + "/versions", Map.of("version", v)));
    }
    var listed =
        admin
            .http()
            .get("/api/v1/software/" + sw + "/versions")
            .json()
            .valueStream()
            .map(n -> n.path("version").asString())
            .toList();
    assertThat(listed).containsExactly("2.0", "2.0rc1", "1.10", "1.2", "1.0.1", "1.0", "1.0-beta");
    assertThat(admin.http().get("/api/v1/software/" + sw).json().path("latestVersion").asString())
        .isEqualTo("2.0");
    assertThat(
            admin
                .http()
                .post("/api/v1/software/" + sw + "/versions", Map.of("version", "1.2"))
                .status())
        .isEqualTo(409);
  }

  @Test
  void scriptEditsAddVersionsWithADiffAndSecretDefaultsStayHidden() {
    TestUsers.TestUser admin = tenantAdmin(testUsers.clientTenant("diff"));
    var created =
        admin
            .http()
            .post(
                "/api/v1/scripts",
                script(
                    "diffed",
                    "body",
                    "a\nb\nc\n",
                    "parameters",
                    java.util.List.of(
                        Map.of("name", "Token", "secret", true, "defaultValue", "tok-123456"))));
    String id = created(created);
    assertThat(created.raw()).doesNotContain("tok-123456");
    var edited =
        admin
            .http()
            .put(
                "/api/v1/scripts/" + id,
                script(
                    "diffed",
                    "version",
                    0,
                    "body",
                    "a\nB\nc\nd\n",
                    "parameters",
                    java.util.List.of(Map.of("name", "Token", "secret", true))));
    assertThat(edited.json().path("latestVersion").asInt()).isEqualTo(2);
    assertThat(edited.json().path("parameters").get(0).path("secretDefaultSet").asBoolean())
        .isTrue();
    var diff = admin.http().get("/api/v1/scripts/" + id + "/diff?from=1&to=2").json();
    assertThat(diff.path("unified").asString()).contains("-b", "+B", "+d");
    assertThat(admin.http().get("/api/v1/scripts/" + id + "/versions").json()).hasSize(2);
    assertThat(
            admin
                .http()
                .get("/api/v1/scripts/" + id + "/versions/1")
                .json()
                .path("body")
                .asString())
        .isEqualTo("a\nb\nc\n");
    // the secret default carried over to version 2, readable by a manager only
    assertThat(
            admin
                .http()
                .get("/api/v1/scripts/" + id + "/versions/2/secrets")
                .json()
                .path("Token")
                .asString())
        .isEqualTo("tok-123456");
    TestUsers.TestUser viewer =
        withRole(testUsers.clientTenant("x"), dev.tenantry.authz.BuiltInRoles.USER_LEGACY.id());
    assertThat(viewer.http().get("/api/v1/scripts/" + id + "/versions/2/secrets").status())
        .isEqualTo(404);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where target_id = ? and coalesce(after_json, '') like '%tok-123456%'")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
    // a metadata-only edit adds no version
    assertThat(
            admin
                .http()
                .put(
                    "/api/v1/scripts/" + id,
                    script(
                        "renamed",
                        "version",
                        1,
                        "body",
                        "a\nB\nc\nd\n",
                        "parameters",
                        java.util.List.of(Map.of("name", "Token", "secret", true))))
                .json()
                .path("latestVersion")
                .asInt())
        .isEqualTo(2);
  }
}
