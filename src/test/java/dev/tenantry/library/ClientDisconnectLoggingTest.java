package dev.tenantry.library;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.tenantry.shared.web.ApiExceptionHandler;
import dev.tenantry.support.ClientGoesAway;
import dev.tenantry.support.TestOidc;
import dev.tenantry.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client that closes the connection while the server is still writing the response (a browser
 * navigating away, wrk at the end of a run) is not a server error: one DEBUG line, no ERROR and no
 * stack trace. A 1 MB download is read for a few bytes, then the connection is reset ({@link
 * ClientGoesAway}).
 */
class ClientDisconnectLoggingTest extends LibraryTestSupport {

  @Test
  void aClientClosingTheConnectionMidResponseIsLoggedAtDebugNotAsAnError() throws Exception {
    TestUsers.TestUser admin = tenantAdmin(testUsers.clientTenant("disconnect"));
    String id =
        created(
            admin
                .http()
                .post(
                    "/api/v1/media",
                    Map.of("name", "big-" + UUID.randomUUID(), "fileName", "big.bin")));
    byte[] content = new byte[1_000_000];
    new Random(7).nextBytes(content);
    Raw up =
        raw(
            admin,
            "PUT",
            "/api/v1/media/" + id + "/content",
            () -> new ByteArrayInputStream(content));
    assertThat(up.status()).as(new String(up.body())).isEqualTo(200);

    try (ClientGoesAway client = new ClientGoesAway(ApiExceptionHandler.class)) {
      String status =
          client.get(
              port,
              "/api/v1/media/" + id + "/content",
              "Authorization: Bearer " + TestOidc.token(admin.tid(), admin.oid(), "t@example.com"));
      assertThat(status).isEqualTo("HTTP/1.1 200");
      List<ILoggingEvent> events = client.eventsOnce(ClientDisconnectLoggingTest::clientWentAway);
      assertThat(events)
          .as("the DEBUG line for the closed connection")
          .anyMatch(ClientDisconnectLoggingTest::clientWentAway);
      assertThat(events.stream().filter(ClientDisconnectLoggingTest::clientWentAway))
          .allSatisfy(e -> assertThat(e.getThrowableProxy()).as("no stack trace").isNull());
      assertThat(events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)))
          .as("no WARN or ERROR for a client that went away")
          .noneMatch(
              e ->
                  e.getFormattedMessage().contains(id)
                      || (e.getThrowableProxy() != null
                          && (e.getThrowableProxy().getClassName().contains("ClientAbort")
                              || e.getThrowableProxy()
                                  .getClassName()
                                  .contains("AsyncRequestNotUsable")
                              || String.valueOf(e.getThrowableProxy().getMessage())
                                  .contains("Broken pipe"))));
    }
  }

  private static boolean clientWentAway(ILoggingEvent e) {
    return e.getLevel() == Level.DEBUG
        && e.getLoggerName().equals(ApiExceptionHandler.class.getName())
        && e.getFormattedMessage().startsWith("Client went away");
  }
}
