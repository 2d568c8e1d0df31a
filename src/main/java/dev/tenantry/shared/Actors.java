package dev.tenantry.shared;

import java.util.function.Supplier;

/**
 * The actor of the current thread: set for each request once it is authenticated, {@link
 * Actor#SYSTEM} otherwise (start-up, scheduled jobs).
 */
public final class Actors {
  private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

  private Actors() {}

  public static Actor current() {
    Actor a = CURRENT.get();
    return a == null ? Actor.SYSTEM : a;
  }

  public static void set(Actor actor) {
    CURRENT.set(actor);
  }

  public static void clear() {
    CURRENT.remove();
  }

  /** Runs {@code work} as {@code actor}, restoring the previous actor afterwards. */
  public static <T> T runAs(Actor actor, Supplier<T> work) {
    Actor previous = CURRENT.get();
    CURRENT.set(actor);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
