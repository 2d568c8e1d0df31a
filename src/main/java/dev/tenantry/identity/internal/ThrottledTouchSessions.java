package dev.tenantry.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
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

  private final SessionSnapshots snapshots;

  @SuppressWarnings("unchecked")
  ThrottledTouchSessions(
      FindByIndexNameSessionRepository<?> store,
      Duration touchInterval,
      SessionSnapshots snapshots) {
    this.store = (FindByIndexNameSessionRepository<Session>) store;
    this.touchInterval = touchInterval;
    this.snapshots = snapshots;
    this.none = new TouchSession(new MapSession("none"));
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
    if (session.stored != null) { // read only (a snapshot) means nothing changed
      String before = session.snapshot == null ? null : session.snapshot.id();
      if (!session.detached) {
        store.save(session.stored);
      }
      snapshots.forget(session.stored.getId());
      if (before != null) {
        snapshots.forget(before);
      }
    }
    if (inRequest.get() != null) {
      inRequest.set(session);
    }
  }

  /**
   * The stored session, read once per request (Spring Session's filter commits the session when the
   * response is committed and again when the filter returns, and each commit asks for the requested
   * session id anew), as a snapshot checked by one statement ({@link SessionSnapshots}).
   */
  @Override
  public @Nullable TouchSession findById(String id) {
    TouchSession known = inRequest.get();
    if (known != null && known != none && known.getId().equals(id)) {
      return known;
    }
    SessionSnapshots.Snapshot s = snapshots.find(id);
    if (s != null && s.isExpired(Instant.now())) {
      deleteById(id); // as Spring Session's repository does with an expired session
      s = null;
    }
    TouchSession found = s == null ? null : new TouchSession(s);
    if (found != null && known != null) {
      inRequest.set(found);
    }
    return found;
  }

  @Override
  public void deleteById(String id) {
    snapshots.forget(id);
    store.deleteById(id);
    snapshots.forget(id);
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

  /**
   * A session whose last-access time reaches the store only every touch interval. It starts as a
   * read-only snapshot; the first change reads Spring Session's own session to carry it (a session
   * deleted meanwhile gets a detached copy whose changes are dropped: it is gone).
   */
  final class TouchSession implements Session {
    private final SessionSnapshots.@Nullable Snapshot snapshot;
    private @Nullable Session stored;
    private boolean detached;
    private Instant lastAccessed;

    TouchSession(Session stored) {
      this.snapshot = null;
      this.stored = stored;
      this.lastAccessed = stored.getLastAccessedTime();
    }

    TouchSession(SessionSnapshots.Snapshot snapshot) {
      this.snapshot = snapshot;
      this.lastAccessed = snapshot.lastAccess();
    }

    private Session writable() {
      Session s = stored;
      if (s == null) {
        SessionSnapshots.Snapshot view = java.util.Objects.requireNonNull(snapshot);
        snapshots.forget(view.id());
        s = store.findById(view.id());
        if (s == null) {
          MapSession copy = new MapSession(view.id());
          copy.setCreationTime(view.created());
          copy.setLastAccessedTime(view.lastAccess());
          copy.setMaxInactiveInterval(view.maxInactive());
          view.attributes().forEach(copy::setAttribute);
          s = copy;
          detached = true;
        }
        stored = s;
      }
      return s;
    }

    private Instant storedLastAccess() {
      return stored != null
          ? stored.getLastAccessedTime()
          : java.util.Objects.requireNonNull(snapshot).lastAccess();
    }

    @Override
    public void setLastAccessedTime(Instant at) {
      lastAccessed = at;
      if (!at.isBefore(storedLastAccess().plus(touchInterval))) {
        writable().setLastAccessedTime(at);
      }
    }

    @Override
    public Instant getLastAccessedTime() {
      return lastAccessed;
    }

    @Override
    public boolean isExpired() {
      Duration max = getMaxInactiveInterval();
      return !max.isNegative() && Instant.now().minus(max).compareTo(lastAccessed) >= 0;
    }

    @Override
    public String getId() {
      return stored != null ? stored.getId() : java.util.Objects.requireNonNull(snapshot).id();
    }

    @Override
    public String changeSessionId() {
      return writable().changeSessionId();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> @Nullable T getAttribute(String name) {
      return stored != null
          ? stored.getAttribute(name)
          : (T) java.util.Objects.requireNonNull(snapshot).attributes().get(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return stored != null
          ? stored.getAttributeNames()
          : java.util.Objects.requireNonNull(snapshot).attributeNames();
    }

    @Override
    public void setAttribute(String name, @Nullable Object value) {
      writable().setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      writable().removeAttribute(name);
    }

    @Override
    public Instant getCreationTime() {
      return stored != null
          ? stored.getCreationTime()
          : java.util.Objects.requireNonNull(snapshot).created();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      writable().setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return stored != null
          ? stored.getMaxInactiveInterval()
          : java.util.Objects.requireNonNull(snapshot).maxInactive();
    }
  }
}
