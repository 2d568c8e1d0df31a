package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.tenantry.shared.web.ClientGoneValve;
import dev.tenantry.support.Http;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A browser that goes away while a console page is still being rendered into the connection (a
 * navigation, a closed tab) is not a server error: one DEBUG line without a stack trace, like the
 * API ({@code ClientDisconnectLoggingTest}). The page is a script of 1,000,000 characters, read for
 * a few bytes through a small receive window, then the socket is reset, so Thymeleaf's next write
 * meets "Broken pipe" / "Connection reset".
 */
class ConsoleClientGoneTest extends IdentityTestSupport {

  /** Collects events from every thread (Logback's ListAppender is not thread-safe). */
  static final class Events extends AppenderBase<ILoggingEvent> {
    final List<ILoggingEvent> list = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent e) {
      list.add(e);
    }
  }

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

    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger gone = (Logger) LoggerFactory.getLogger(ClientGoneValve.class);
    Level before = gone.getLevel();
    Events events = new Events();
    events.start();
    root.addAppender(events);
    gone.setLevel(Level.DEBUG);
    try {
      try (Socket socket = new Socket()) {
        socket.setReceiveBufferSize(1024); // a small window: the server cannot write ahead far
        socket.connect(new InetSocketAddress("localhost", port));
        OutputStream out = socket.getOutputStream();
        out.write(
            ("GET "
                    + page
                    + " HTTP/1.1\r\nHost: localhost\r\nCookie: SESSION="
                    + cookie
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        assertThat(status).isEqualTo("HTTP/1.1 200");
        socket.setSoLinger(true, 0); // close with a reset, mid-page
      }
      // wait (not a timed assertion: the deadline only ends a hopeless wait) until the server has
      // met the failed write
      Predicate<ILoggingEvent> wentAway = e -> clientWentAway(e, page);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (events.list.stream().noneMatch(wentAway) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)))
          .as("no WARN or ERROR for a browser that went away")
          .isEmpty();
      assertThat(events.list).as("the DEBUG line for the closed connection").anyMatch(wentAway);
      assertThat(events.list.stream().filter(wentAway))
          .hasSize(1)
          .allSatisfy(e -> assertThat(e.getThrowableProxy()).as("no stack trace").isNull());
    } finally {
      root.detachAppender(events);
      gone.setLevel(before);
    }
  }

  private static boolean clientWentAway(ILoggingEvent e, String page) {
    return e.getLevel() == Level.DEBUG
        && e.getLoggerName().equals(ClientGoneValve.class.getName())
        && e.getFormattedMessage().startsWith("Client went away")
        && e.getFormattedMessage().contains(page);
  }
}
