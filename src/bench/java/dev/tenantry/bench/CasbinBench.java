package dev.tenantry.bench;

import dev.tenantry.authz.engine.Engine;
import dev.tenantry.authz.engine.PolicySnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * jCasbin and our engine on the same Casbin-expressible instance and the same requests. The set-up
 * fails the run unless both give the same decision on every request.
 */
public class CasbinBench {

  @State(Scope.Benchmark)
  public static class Data {
    @Param({"1000"})
    public int assignments;

    public PolicySnapshot snapshot;
    public CasbinModel casbin;
    public Requests requests;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      BenchData d = new BenchData(assignments, 43, true);
      snapshot = d.snapshot();
      casbin = new CasbinModel(d);
      requests = Requests.randomUsers(d, requestCount(assignments), 3);
      casbin.assertSameDecisions(snapshot, requests);
    }
  }

  static int requestCount(int assignments) {
    return assignments <= 1000 ? 4096 : 512;
  }

  @State(Scope.Thread)
  public static class Cursor {
    int i;
  }

  @Benchmark
  public boolean jcasbin(Data d, Cursor c) {
    Requests q = d.requests;
    int i = c.i = (c.i + 1) & q.mask;
    return d.casbin.enforce(q.users[i], q.permissions[i], q.targets[i]);
  }

  @Benchmark
  public boolean engine(Data d, Cursor c) {
    Requests q = d.requests;
    int i = c.i = (c.i + 1) & q.mask;
    return Engine.INSTANCE
        .check(d.snapshot, q.users[i], q.permissions[i], q.targets[i], BenchData.NOW)
        .allowed();
  }
}
