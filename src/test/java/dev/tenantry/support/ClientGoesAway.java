package dev.tenantry.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * A client that goes away mid-response, and what the server logs about it: the request is sent
 * through a small receive window (the server cannot write ahead far), the status line is read, then
 * the socket is reset, so the server's next write meets "Broken pipe" / "Connection reset".
 */
public final class ClientGoesAway implements AutoCloseable {
  /** Collects events from every thread (Logback's ListAppender is not thread-safe). */
  private static final class Events extends AppenderBase<ILoggingEvent> {
    final List<ILoggingEvent> list = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent e) {
      list.add(e);
    }
  }

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger debug;
  private final Level before;
  private final Events events = new Events();

  /** Listens to every logger from now on, with {@code debugLogger} at DEBUG, until closed. */
  public ClientGoesAway(Class<?> debugLogger) {
    debug = (Logger) LoggerFactory.getLogger(debugLogger);
    before = debug.getLevel();
    events.start();
    root.addAppender(events);
    debug.setLevel(Level.DEBUG);
  }

  /**
   * Sends a GET of {@code path} with the given header lines, reads the status line and resets the
   * connection; returns the status line (e.g. "HTTP/1.1 200").
   */
  public String get(int port, String path, String... headers) throws IOException {
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(1024); // a small window: the server cannot write ahead far
      socket.connect(new InetSocketAddress("localhost", port));
      StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
      for (String h : headers) {
        head.append(h).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      socket.setSoLinger(true, 0); // close with a reset, mid-response
      return status;
    }
  }

  /**
   * Every event so far, once one matches {@code awaited} (not a timed assertion: the deadline only
   * ends a hopeless wait for the server to meet the failed write).
   */
  public List<ILoggingEvent> eventsOnce(Predicate<ILoggingEvent> awaited)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (events.list.stream().noneMatch(awaited) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return List.copyOf(events.list);
  }

  @Override
  public void close() {
    root.detachAppender(events);
    debug.setLevel(before);
  }
}
