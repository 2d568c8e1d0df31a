package dev.tenantry.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The console's session store (Spring Session JDBC) without a write per request: Spring Session
 * sets a session's last-access time on every request, which makes the JDBC repository update the
 * session row every time (and every request of one browser waits for the previous one's row lock).
 * This repository passes a new last-access time on to the stored session only once it is at least
 * {@link #touchInterval()} newer than the stored one; a request that changes nothing else then
 * writes nothing. Attribute changes, id changes and new sessions are saved as before.
 *
 * <p>Trade-off (docs/performance.md): the idle timeout is measured from the last <em>stored</em>
 * access, so a session idle for the whole timeout always ends, and one used continuously never
 * does, but a session may end up to {@code touchInterval} earlier than the timeout after its last
 * request. The interval is at most a tenth of the idle timeout.
 */
final class ThrottledTouchSessions
    implements FindByIndexNameSessionRepository<ThrottledTouchSessions.TouchSession> {
  private final FindByIndexNameSessionRepository<Session> store;
  private final Duration touchInterval;
  private final TouchSession none;
  // set (to NONE or the session of the request) only while a request is in the session filter
  private final ThreadLocal<@Nullable TouchSession> inRequest = new ThreadLocal<>();

  @SuppressWarnings("unchecked")
  ThrottledTouchSessions(FindByIndexNameSessionRepository<?> store, Duration touchInterval) {
    this.store = (FindByIndexNameSessionRepository<Session>) store;
    this.touchInterval = touchInterval;
    this.none = new TouchSession(new org.springframework.session.MapSession("none"));
  }

  Duration touchInterval() {
    return touchInterval;
  }

  @Override
  public TouchSession createSession() {
    return new TouchSession(store.createSession());
  }

  @Override
  public void save(TouchSession session) {
    store.save(session.stored);
    if (inRequest.get() != null) {
      inRequest.set(session);
    }
  }

  /**
   * The stored session, read once per request: Spring Session's filter commits the session when the
   * response is committed (a page flushes its writer) and again when the filter returns, and each
   * commit asks for the requested session id anew, which loaded the row a second time.
   */
  @Override
  public @Nullable TouchSession findById(String id) {
    TouchSession known = inRequest.get();
    if (known != null && known != none && known.getId().equals(id)) {
      return known;
    }
    Session s = store.findById(id);
    TouchSession found = s == null ? null : new TouchSession(s);
    if (found != null && known != null) {
      inRequest.set(found);
    }
    return found;
  }

  @Override
  public void deleteById(String id) {
    store.deleteById(id);
    if (inRequest.get() != null) {
      inRequest.set(none);
    }
  }

  /** Remembers the session read or saved for the rest of this request; false if already open. */
  boolean openRequest() {
    if (inRequest.get() != null) {
      return false;
    }
    inRequest.set(none);
    return true;
  }

  void closeRequest() {
    inRequest.remove();
  }

  @Override
  public Map<String, TouchSession> findByIndexNameAndIndexValue(String name, String value) {
    Map<String, TouchSession> out = new LinkedHashMap<>();
    store
        .findByIndexNameAndIndexValue(name, value)
        .forEach((id, s) -> out.put(id, new TouchSession(s)));
    return out;
  }

  /** A stored session whose last-access time reaches the store only every touch interval. */
  final class TouchSession implements Session {
    private final Session stored;
    private Instant lastAccessed;

    TouchSession(Session stored) {
      this.stored = stored;
      this.lastAccessed = stored.getLastAccessedTime();
    }

    @Override
    public void setLastAccessedTime(Instant at) {
      lastAccessed = at;
      if (!at.isBefore(stored.getLastAccessedTime().plus(touchInterval))) {
        stored.setLastAccessedTime(at);
      }
    }

    @Override
    public Instant getLastAccessedTime() {
      return lastAccessed;
    }

    @Override
    public boolean isExpired() {
      Duration max = stored.getMaxInactiveInterval();
      return !max.isNegative() && Instant.now().minus(max).compareTo(lastAccessed) >= 0;
    }

    @Override
    public String getId() {
      return stored.getId();
    }

    @Override
    public String changeSessionId() {
      return stored.changeSessionId();
    }

    @Override
    public <T> @Nullable T getAttribute(String name) {
      return stored.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return stored.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, @Nullable Object value) {
      stored.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      stored.removeAttribute(name);
    }

    @Override
    public Instant getCreationTime() {
      return stored.getCreationTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      stored.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return stored.getMaxInactiveInterval();
    }
  }
}
