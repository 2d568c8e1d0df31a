package dev.tenantry.shared.web;

import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What every console page shows besides the policy and the session (the signed-in user's name, the
 * instance MSP's name, the waiting access and change requests), remembered on this node per
 * (caller, policy revision, console data version). The version ({@code console_data_version}, V140)
 * rises at the commit of every transaction that changes the tables these come from; the page's one
 * statement (the session check) reads it ({@link #VERSION_SQL}, {@link #versionRead}). A value is
 * used only in a request whose version and policy revision equal those it was computed under, so a
 * change made on any node shows on the next page. Grants can also change with time alone (an
 * assignment expiring), so a value is kept at most {@link #MAX_AGE_NANOS} (a badge count may then
 * be that late; what may be done is always decided afresh by the engine). Outside a console request
 * with a session (the API, tests calling services), every value is computed afresh.
 */
@Component
public class ConsoleHeaderData {
  /** A scalar subquery for the per-page statement: the current console data version. */
  public static final String VERSION_SQL =
      "(select version from console_data_version where id = 1)";

  static final long MAX_AGE_NANOS = 30_000_000_000L;
  private static final int MAX_ENTRIES = 50_000;
  private static final String ATTRIBUTE = ConsoleHeaderData.class.getName() + ".version";

  private record Key(String what, @Nullable UUID user, @Nullable UUID impersonator) {}

  private record Entry(long version, long revision, long computedAt, Object value) {}

  private static final Object NULL = new Object();
  private final Map<Key, Entry> known = new ConcurrentHashMap<>();

  /** Remembers, for the rest of this request, the version the per-page statement read. */
  public static void versionRead(long version) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(ATTRIBUTE, version, RequestAttributes.SCOPE_REQUEST);
    }
  }

  /**
   * The value of {@code what} for the current caller, computed at most once per (policy revision,
   * console data version); {@code compute} must depend on nothing else than the caller, the policy
   * and the tables of V140 (and return an immutable value).
   */
  @SuppressWarnings("unchecked")
  public <T extends @Nullable Object> T get(String what, long policyRevision, Supplier<T> compute) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    Object v =
        request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (!(v instanceof Long version)) {
      return compute.get();
    }
    Actor actor = Actors.current();
    Key key = new Key(what, actor.userId(), actor.impersonatorUserId());
    long now = System.nanoTime();
    Entry e = known.get(key);
    if (e != null
        && e.version() == version
        && e.revision() == policyRevision
        && now - e.computedAt() < MAX_AGE_NANOS) {
      return e.value() == NULL ? null : (T) e.value();
    }
    T value = compute.get();
    if (known.size() >= MAX_ENTRIES) {
      known.clear(); // each caller computes once more; simpler than an eviction order
    }
    known.put(key, new Entry(version, policyRevision, now, value == null ? NULL : value));
    return value;
  }
}
