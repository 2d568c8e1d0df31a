package dev.tenantry.maintenance.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.maintenance.internal.Firings;
import dev.tenantry.maintenance.internal.ScheduleService;
import dev.tenantry.maintenance.internal.ScheduleViews;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schedules")
class SchedulesController {
  private static final String MSP_ONLY =
      "only MSP users (person in an MSP tenant) see or change schedules; ";
  private final ScheduleService schedules;

  SchedulesController(ScheduleService schedules) {
    this.schedules = schedules;
  }

  record Body(
      @Nullable UUID tenantId,
      @Nullable Boolean crossTenant,
      @Nullable UUID mspId,
      @Nullable @Size(max = 200) String name,
      @Nullable @Size(max = 200) String cron,
      @Nullable String windowStart,
      @Nullable String windowEnd,
      @Nullable @Size(max = 100) String timeZone,
      @Nullable String targetKind,
      @Nullable Boolean includeChildren,
      @Nullable List<UUID> computerIds,
      @Nullable List<UUID> tagIds,
      @Nullable List<UUID> deploymentIds,
      @Nullable Boolean enabled,
      @Nullable Long version) {
    ScheduleViews.Command command() {
      return new ScheduleViews.Command(
          tenantId,
          Boolean.TRUE.equals(crossTenant),
          mspId,
          name == null ? "" : name,
          cron == null ? "" : cron,
          windowStart,
          windowEnd,
          timeZone,
          targetKind == null ? "TENANT" : targetKind,
          Boolean.TRUE.equals(includeChildren),
          computerIds == null ? List.of() : computerIds,
          tagIds == null ? List.of() : tagIds,
          deploymentIds,
          enabled == null || enabled);
    }
  }

  @Requires(
      value = {Permission.SCHEDULES_VIEW},
      on = On.LIST,
      note = MSP_ONLY + "cross-tenant ones with the permission on their MSP tenant (or at OWNER)")
  @GetMapping
  Page<ScheduleViews.Schedule> list(
      @RequestParam(required = false) @Nullable UUID tenantId,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    // q: the name contains it, case-insensitively (the console's search, the same SQL filter)
    return schedules.list(
        tenantId, q == null || q.isBlank() ? null : q, Page.page(page), Page.size(size));
  }

  @Requires(
      value = {Permission.SCHEDULES_VIEW},
      on = On.TENANT,
      note = MSP_ONLY + "404 otherwise")
  @GetMapping("/{id}")
  ScheduleViews.Schedule get(@PathVariable UUID id) {
    return schedules.get(id);
  }

  @Requires(
      value = {Permission.SCHEDULES_MANAGE},
      on = On.TENANT,
      note =
          MSP_ONLY
              + "as an admin: also at OWNER or the MSP scope of the tenant's MSP; cross-tenant"
              + " over the reach (MSP scope or OWNER)")
  @PostMapping
  ResponseEntity<ScheduleViews.Schedule> create(@RequestBody Body b) {
    ScheduleViews.Schedule s = schedules.create(b.command());
    return ResponseEntity.created(URI.create("/api/v1/schedules/" + s.id())).body(s);
  }

  @Requires(
      value = {Permission.SCHEDULES_VIEW, Permission.SCHEDULES_MANAGE},
      on = On.TENANT,
      note =
          MSP_ONLY
              + "manage as an admin (as for create), at the old and, when the body moves it, the"
              + " new scope; version in the body or If-Match")
  @PutMapping("/{id}")
  ScheduleViews.Schedule update(
      @PathVariable UUID id,
      @RequestBody Body b,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    return schedules.update(id, required(b.version(), ifMatch, id), b.command());
  }

  @Requires(
      value = {Permission.SCHEDULES_VIEW, Permission.SCHEDULES_DELETE},
      on = On.TENANT,
      note = MSP_ONLY + "delete as an admin (as for create)")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    schedules.delete(id, parse(ifMatch));
    return ResponseEntity.noContent().build();
  }

  @Requires(
      value = {Permission.SCHEDULES_VIEW, Permission.SCHEDULES_RUN},
      on = On.TENANT,
      note = MSP_ONLY + "cross-tenant: schedules:run over the reach; 202, fired by the cluster")
  @PostMapping("/{id}/run")
  ResponseEntity<Firings.Firing> run(@PathVariable UUID id) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(schedules.runNow(id));
  }

  @Requires(
      value = {Permission.SCHEDULES_VIEW},
      on = On.TENANT,
      note = MSP_ONLY + "last 20")
  @GetMapping("/{id}/firings")
  List<Firings.Firing> firings(@PathVariable UUID id) {
    return schedules.firings(id);
  }

  static long required(@Nullable Long body, @Nullable String ifMatch, UUID id) {
    Long header = parse(ifMatch);
    if (body != null && header != null && !body.equals(header)) {
      throw ApiException.invalid("version " + body + " and If-Match " + ifMatch + " disagree");
    }
    Long v = body != null ? body : header;
    if (v == null) {
      throw new ApiException(
          ErrorCode.PRECONDITION_REQUIRED,
          "Send the version of schedule " + id + " you edited, as 'version' or as If-Match");
    }
    return v;
  }

  static @Nullable Long parse(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
    if (!v.matches("\\d{1,18}")) {
      throw ApiException.invalid("If-Match must be an ETag of this API, such as \"3\"");
    }
    return Long.parseLong(v);
  }
}
