package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.tenantry.shared.web.ClientGoneValve;
import dev.tenantry.support.ClientGoesAway;
import dev.tenantry.support.Http;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A browser that goes away while a console page is still being rendered into the connection (a
 * navigation, a closed tab) is not a server error: one DEBUG line without a stack trace, like the
 * API ({@code ClientDisconnectLoggingTest}). The page is a script of 1,000,000 characters, read for
 * a few bytes through a small receive window, then the socket is reset, so Thymeleaf's next write
 * meets "Broken pipe" / "Connection reset".
 */
class ConsoleClientGoneTest extends IdentityTestSupport {

  @Test
  void aBrowserLeavingMidPageIsOneDebugLineNotAnError() throws Exception {
    Person admin = admin("gone");
    UUID tenant =
        jdbc.sql("select tenant_id from person where id = ?")
            .param(admin.id())
            .query(UUID.class)
            .single();
    Http.Response created =
        as(admin)
            .post(
                "/api/v1/scripts",
                Map.of(
                    "name",
                    "big-" + UUID.randomUUID(),
                    "language",
                    "POWERSHELL",
                    "body",
                    "echo 1",
                    "ownerTenantId",
                    tenant));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    UUID script = UUID.fromString(created.json().path("id").asString());
    // a script as long as a script may be (an API body's strings stop at 2,000 characters)
    jdbc.sql("update script_version set body = ? where script_id = ?")
        .params("# " + "x".repeat(999_000), script)
        .update();
    String page = "/library/scripts/" + script;
    Browser browser = consoleSession(admin, "Gone");
    assertThat(browser.get("http://localhost:" + port + page).statusCode()).isEqualTo(200);
    String cookie = browser.cookie("SESSION").orElseThrow();

    try (ClientGoesAway client = new ClientGoesAway(ClientGoneValve.class)) {
      assertThat(client.get(port, page, "Cookie: SESSION=" + cookie)).isEqualTo("HTTP/1.1 200");
      Predicate<ILoggingEvent> wentAway = e -> clientWentAway(e, page);
      List<ILoggingEvent> events = client.eventsOnce(wentAway);
      assertThat(events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)))
          .as("no WARN or ERROR for a browser that went away")
          .isEmpty();
      assertThat(events.stream().filter(wentAway))
          .as("one DEBUG line for the closed connection")
          .hasSize(1)
          .allSatisfy(e -> assertThat(e.getThrowableProxy()).as("no stack trace").isNull());
    }
  }

  private static boolean clientWentAway(ILoggingEvent e, String page) {
    return e.getLevel() == Level.DEBUG
        && e.getLoggerName().equals(ClientGoneValve.class.getName())
        && e.getFormattedMessage().startsWith("Client went away")
        && e.getFormattedMessage().contains(page);
  }
}
