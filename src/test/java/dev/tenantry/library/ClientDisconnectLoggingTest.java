package dev.tenantry.library;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.tenantry.shared.web.ApiExceptionHandler;
import dev.tenantry.support.TestOidc;
import dev.tenantry.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A client that closes the connection while the server is still writing the response (a browser
 * navigating away, wrk at the end of a run) is not a server error: one DEBUG line, no ERROR and no
 * stack trace. A 1 MB download is read for a few bytes through a small receive window, then the
 * socket is reset, so the server's next write fails with "Broken pipe" / "Connection reset".
 */
class ClientDisconnectLoggingTest extends LibraryTestSupport {

  /** Collects events from every thread (Logback's ListAppender is not thread-safe). */
  static final class Events extends AppenderBase<ILoggingEvent> {
    final List<ILoggingEvent> list = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent e) {
      list.add(e);
    }
  }

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

    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger handler = (Logger) LoggerFactory.getLogger(ApiExceptionHandler.class);
    Level before = handler.getLevel();
    Events events = new Events();
    events.start();
    root.addAppender(events);
    handler.setLevel(Level.DEBUG);
    try {
      try (Socket socket = new Socket()) {
        socket.setReceiveBufferSize(1024); // a small window: the server cannot write ahead far
        socket.connect(new InetSocketAddress("localhost", port));
        OutputStream out = socket.getOutputStream();
        out.write(
            ("GET /api/v1/media/"
                    + id
                    + "/content HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestOidc.token(admin.tid(), admin.oid(), "t@example.com")
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        assertThat(status).isEqualTo("HTTP/1.1 200");
        socket.setSoLinger(true, 0); // close with a reset, mid-body
      }
      // wait (not a timed assertion: the deadline only ends a hopeless wait) until the server has
      // met the failed write
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (events.list.stream().noneMatch(ClientDisconnectLoggingTest::clientWentAway)
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(events.list)
          .as("the DEBUG line for the closed connection")
          .anyMatch(ClientDisconnectLoggingTest::clientWentAway);
      assertThat(events.list.stream().filter(ClientDisconnectLoggingTest::clientWentAway))
          .allSatisfy(e -> assertThat(e.getThrowableProxy()).as("no stack trace").isNull());
      assertThat(events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)))
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
    } finally {
      root.detachAppender(events);
      handler.setLevel(before);
    }
  }

  private static boolean clientWentAway(ILoggingEvent e) {
    return e.getLevel() == Level.DEBUG
        && e.getLoggerName().equals(ApiExceptionHandler.class.getName())
        && e.getFormattedMessage().startsWith("Client went away");
  }
}
