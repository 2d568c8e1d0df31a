package dev.tenantry.bench;

import dev.tenantry.authz.Explanation;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.engine.Engine;
import dev.tenantry.authz.engine.PolicySnapshot;
import dev.tenantry.authz.engine.TenantGrants;
import java.time.Instant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's public operations over a {@link BenchData} instance. Mode, time unit, threads and
 * profilers are chosen by {@link BenchMain} per run. "Random" requests draw users uniformly from
 * all users (cache-cold); "repeated" ones cycle 16 busy technicians.
 */
public class EngineBench {
  private static final Engine ENGINE = Engine.INSTANCE;
  private static final Instant NOW = BenchData.NOW;

  @State(Scope.Benchmark)
  public static class Data {
    @Param({"200000"})
    public int assignments;

    public PolicySnapshot snapshot;
    public Requests random;
    public Requests repeated;

    @Setup(Level.Trial)
    public void setUp() {
      BenchData d = new BenchData(assignments, 42, false);
      snapshot = d.snapshot();
      random = Requests.randomUsers(d, 1 << 20, 1);
      repeated = Requests.repeatedUsers(d, 1 << 16, 16, 2);
      System.gc();
    }
  }

  /** Each thread walks the request arrays from its own offset. */
  @State(Scope.Thread)
  public static class Cursor {
    int i = (int) (Thread.currentThread().threadId() * 7919);

    int next(int mask) {
      i = (i + 1) & mask;
      return i;
    }
  }

  @Benchmark
  public boolean check(Data d, Cursor c) {
    Requests q = d.random;
    int i = c.next(q.mask);
    return ENGINE.check(d.snapshot, q.users[i], q.permissions[i], q.targets[i], NOW).allowed();
  }

  @Benchmark
  public boolean checkRepeatedUser(Data d, Cursor c) {
    Requests q = d.repeated;
    int i = c.next(q.mask);
    return ENGINE.check(d.snapshot, q.users[i], q.permissions[i], q.targets[i], NOW).allowed();
  }

  @Benchmark
  public Explanation explain(Data d, Cursor c) {
    Requests q = d.random;
    int i = c.next(q.mask);
    return ENGINE.explain(d.snapshot, q.users[i], q.permissions[i], q.targets[i], NOW);
  }

  @Benchmark
  public Explanation explainRepeatedUser(Data d, Cursor c) {
    Requests q = d.repeated;
    int i = c.next(q.mask);
    return ENGINE.explain(d.snapshot, q.users[i], q.permissions[i], q.targets[i], NOW);
  }

  @Benchmark
  public TenantGrants tenantsWith(Data d, Cursor c) {
    Requests q = d.random;
    int i = c.next(q.mask);
    return ENGINE.tenantsWith(d.snapshot, q.users[i], scoped(q.permissions[i]), NOW);
  }

  @Benchmark
  public TenantGrants tenantsWithRepeatedUser(Data d, Cursor c) {
    Requests q = d.repeated;
    int i = c.next(q.mask);
    return ENGINE.tenantsWith(d.snapshot, q.users[i], scoped(q.permissions[i]), NOW);
  }

  // a system permission's grant set is trivially everything-or-nothing: list computers instead
  private static Permission scoped(Permission p) {
    return p.system() ? Permission.COMPUTERS_VIEW : p;
  }
}
