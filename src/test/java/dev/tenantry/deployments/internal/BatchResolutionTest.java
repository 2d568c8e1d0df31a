package dev.tenantry.deployments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.deployments.AppliedDeployment;
import dev.tenantry.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The batch resolution ({@code forComputers}, precedence in SQL) answers exactly what the reference
 * does one computer at a time (every candidate found by {@code candidates}, decided by this test's
 * own {@link #DESIGN_ORDER}, written from DESIGN §8 — not the implementation's {@code
 * Precedence.ORDER}, which a shared mistake would pass) — on random trees, tags, people, exclusions
 * and deployments with clashing subjects, enforced flags, priorities and creation times (ties
 * included).
 */
class BatchResolutionTest extends IntegrationTest {
  private static final String EXCLUDE = ComputerDeployments.EXCLUDE_PREFERENCE;
  private static final String[] KINDS = {
    "COMPUTER", "PERSON", "TENANT", "TENANT", "TENANT_TAG", "CROSS_TENANT"
  };
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Autowired ComputerDeployments resolution;

  /** DESIGN §8: how specific a target is, the most specific first. */
  private static final List<String> SPECIFICITY =
      List.of("COMPUTER", "PERSON", "TENANT", "TENANT_TAG", "CROSS_TENANT");

  /**
   * DESIGN §8 precedence, written from the text: an enforced deployment first; then the most
   * specific target (computer > person > tenant, a nearer ancestor over a farther one > tenant tag
   * > cross-tenant); then the higher priority; then the newest; a remaining tie by id as PostgreSQL
   * orders uuids (the resolution's documented tie-break).
   */
  static final java.util.Comparator<Precedence.Candidate> DESIGN_ORDER =
      java.util.Comparator.comparing((Precedence.Candidate c) -> c.deployment().enforced() ? 0 : 1)
          .thenComparingInt(c -> SPECIFICITY.indexOf(c.deployment().target().kind()))
          .thenComparingInt(Precedence.Candidate::distance)
          .thenComparing(c -> -c.deployment().priority())
          .thenComparing(c -> c.deployment().createdAt(), java.util.Comparator.reverseOrder())
          .thenComparing(c -> c.deployment().id().toString());

  /** The first candidate of each subject in {@link #DESIGN_ORDER}. */
  private static List<Precedence.Candidate> designWinners(List<Precedence.Candidate> all) {
    List<Precedence.Candidate> sorted = new ArrayList<>(all);
    sorted.sort(DESIGN_ORDER);
    java.util.Set<String> decided = new java.util.HashSet<>();
    return sorted.stream()
        .filter(c -> decided.add(c.deployment().subjectKind() + ":" + c.deployment().subjectId()))
        .toList();
  }

  private record Pc(UUID id, UUID tenantId) {}

  private record Person(UUID id, UUID tenantId) {}

  @Test
  void batchResolutionEqualsOneComputerAtATimeOnRandomData() {
    for (long seed = 1; seed <= 3; seed++) {
      Random r = new Random(seed);
      List<Pc> computers = new ArrayList<>();
      List<UUID> software = new ArrayList<>();
      testUsers.write(() -> seed(r, computers, software));
      try {
        check(seed, computers);
      } finally { // cross-tenant ones would reach the computers of later tests
        testUsers.write(
            () ->
                jdbc.sql("delete from deployment where software_id = any(?)")
                    .param(software.toArray(UUID[]::new))
                    .update());
      }
    }
    assertThat(resolution.forComputers(List.of(UUID.randomUUID()))).isEmpty();
  }

  private void check(long seed, List<Pc> computers) {
    {
      List<UUID> ids = computers.stream().map(Pc::id).toList();
      Map<UUID, List<AppliedDeployment>> batch = resolution.forComputers(ids);
      assertThat(batch.keySet()).containsExactlyInAnyOrderElementsOf(ids);
      int candidates = 0;
      int winners = 0;
      for (UUID c : ids) {
        List<Precedence.Candidate> all = resolution.candidates(c);
        for (Precedence.Candidate one : all) {
          assertThat(one.rank())
              .as("seed %d: the rank of a %s target", seed, one.deployment().target().kind())
              .isEqualTo(SPECIFICITY.indexOf(one.deployment().target().kind()));
        }
        List<AppliedDeployment> expected =
            designWinners(all).stream().map(ComputerDeployments::applied).toList();
        assertThat(batch.get(c)).as("seed %d, computer %s", seed, c).isEqualTo(expected);
        assertThat(resolution.forComputer(c)).as("seed %d, one computer", seed).isEqualTo(expected);
        candidates += all.size();
        winners += expected.size();
      }
      assertThat(winners).as("the data has winners").isGreaterThan(ids.size());
      assertThat(candidates).as("and overridden deployments").isGreaterThan(winners + ids.size());
    }
  }

  /** A random tree of tenants under two MSPs, with tags, people, computers and deployments. */
  private void seed(Random r, List<Pc> computers, List<UUID> software) {
    List<UUID> msps = List.of(testUsers.mspTenant(), insertTenant(null, null));
    List<UUID[]> tenants = new ArrayList<>(); // {id, msp}
    for (int i = 0; i < 14; i++) {
      UUID msp = msps.get(r.nextInt(2));
      UUID[] parent =
          tenants.isEmpty() || r.nextInt(3) == 0
              ? new UUID[] {msp, msp}
              : tenants.get(r.nextInt(tenants.size()));
      tenants.add(new UUID[] {insertTenant(parent[0], parent[1]), parent[1]});
    }
    for (UUID[] t : tenants) {
      if (r.nextInt(4) == 0) {
        jdbc.sql(
                "insert into preference (level, tenant_id, key, value) values ('TENANT', ?, ?,"
                    + " cast(? as jsonb))")
            .params(t[0], EXCLUDE, r.nextBoolean() ? "true" : "false")
            .update();
      }
    }
    List<UUID> tags = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      UUID tag = UUID.randomUUID();
      jdbc.sql("insert into tag (id, name) values (?, ?)").params(tag, "bt-" + tag).update();
      tags.add(tag);
      for (UUID[] t : tenants) {
        if (r.nextInt(3) == 0) {
          jdbc.sql("insert into tenant_tag (tenant_id, tag_id) values (?, ?)")
              .params(t[0], tag)
              .update();
        }
      }
    }
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      UUID tenant = tenants.get(r.nextInt(tenants.size()))[0];
      UUID id = UUID.randomUUID();
      jdbc.sql(
              "insert into person (id, tenant_id, given_name, source) values (?, ?, 'p', 'MANUAL')")
          .params(id, tenant)
          .update();
      people.add(new Person(id, tenant));
    }
    for (int i = 0; i < 30; i++) {
      UUID tenant = tenants.get(r.nextInt(tenants.size()))[0];
      // mostly a person of the same tenant; sometimes one of another tenant (never reached)
      Person p = r.nextInt(3) == 0 ? null : people.get(r.nextInt(people.size()));
      UUID id = UUID.randomUUID();
      jdbc.sql(
              "insert into computer (id, tenant_id, name, type, primary_person_id)"
                  + " values (?, ?, ?, 'WORKSTATION', ?)")
          .params(id, tenant, "bpc-" + id, p == null ? null : p.id())
          .update();
      computers.add(new Pc(id, tenant));
    }
    for (int i = 0; i < 4; i++) {
      UUID id = UUID.randomUUID();
      jdbc.sql("insert into software (id, name) values (?, ?)").params(id, "bsw-" + i).update();
      software.add(id);
    }
    String[] states = {"KEEP_LATEST", "UNINSTALL", "IGNORE"};
    for (int i = 0; i < 90; i++) {
      String kind = KINDS[r.nextInt(KINDS.length)];
      @Nullable UUID computer = null;
      @Nullable UUID person = null;
      @Nullable UUID tenant = null;
      @Nullable UUID tag = null;
      @Nullable UUID msp = null;
      @Nullable UUID owner;
      boolean children = false;
      switch (kind) {
        case "COMPUTER" -> {
          Pc c = computers.get(r.nextInt(computers.size()));
          computer = c.id();
          // now and then left behind by a computer that moved: owned by another tenant
          owner = r.nextInt(6) == 0 ? tenants.get(r.nextInt(tenants.size()))[0] : c.tenantId();
        }
        case "PERSON" -> {
          Person p = people.get(r.nextInt(people.size()));
          person = p.id();
          owner = p.tenantId();
        }
        case "TENANT" -> {
          tenant = tenants.get(r.nextInt(tenants.size()))[0];
          children = r.nextBoolean();
          owner = tenant;
        }
        case "TENANT_TAG" -> {
          tag = tags.get(r.nextInt(tags.size()));
          msp = r.nextBoolean() ? msps.get(r.nextInt(2)) : null;
          owner = msp;
        }
        default -> {
          msp = r.nextBoolean() ? msps.get(r.nextInt(2)) : null;
          owner = msp;
        }
      }
      int[] priorities = {-5, 0, 0, 0, 3};
      jdbc.sql(
              "insert into deployment (id, subject_kind, software_id, desired_state, target_kind,"
                  + " target_computer_id, target_person_id, target_tenant_id, include_children,"
                  + " target_tag_id, target_msp_id, owner_tenant_id, enforced, priority, created_at)"
                  + " values (?, 'SOFTWARE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              UUID.randomUUID(),
              software.get(r.nextInt(software.size())),
              states[r.nextInt(states.length)],
              kind,
              computer,
              person,
              tenant,
              children,
              tag,
              msp,
              owner,
              r.nextInt(6) == 0,
              priorities[r.nextInt(priorities.length)],
              Timestamp.from(T0.plusSeconds(r.nextInt(4)))) // creation times tie on purpose
          .update();
    }
  }

  private UUID insertTenant(@Nullable UUID parent, @Nullable UUID msp) {
    UUID id = UUID.randomUUID();
    String slug = "bt-" + id;
    jdbc.sql(
            "insert into tenant (id, name, slug, kind, parent_id, msp_id) values (?, ?, ?, ?, ?, ?)")
        .params(id, slug, slug, msp == null ? "MSP" : "CLIENT", parent, msp == null ? id : msp)
        .update();
    return id;
  }
}
