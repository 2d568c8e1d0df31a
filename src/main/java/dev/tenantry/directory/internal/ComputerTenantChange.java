package dev.tenantry.directory.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.access.AccessChanges;
import dev.tenantry.directory.Computer;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The batch "Change Tenant" action (seed 004), all or nothing in one transaction.
 *
 * <p>Rules: every id must name a computer the caller can see (else 404 listing the missing ids);
 * the target tenant must exist (404) and be active (409: an inactive tenant is being retired, so
 * nothing new should land in it); the caller needs the change-tenant right on each computer and on
 * the target. A primary person stays only when that person already belongs to the target tenant;
 * else it is cleared, since a computer's primary person must be of its own tenant, and each
 * clearing is reported. Computers already in the target are listed and left alone. One audit event
 * ({@code computers.tenant-changed}, target = the target tenant) lists every moved computer.
 */
@Service
public class ComputerTenantChange {
  public static final int MAX_COMPUTERS = 1000;
  private final ComputerRepository computers;
  private final DirectoryLookups lookups;
  private final DirectoryAccess access;
  private final AuditLog audit;
  private final AccessChanges accessChanges;

  ComputerTenantChange(
      ComputerRepository computers,
      DirectoryLookups lookups,
      DirectoryAccess access,
      AuditLog audit,
      AccessChanges accessChanges) {
    this.computers = computers;
    this.lookups = lookups;
    this.access = access;
    this.audit = audit;
    this.accessChanges = accessChanges;
  }

  /** Where a computer is: the audit's before state. */
  record Placement(UUID computerId, UUID tenantId, @Nullable UUID primaryPersonId) {}

  @Transactional
  public ComputerCommands.TenantChanged change(ComputerCommands.ChangeTenant cmd) {
    accessChanges.lock();
    Set<UUID> ids = new LinkedHashSet<>(cmd.computerIds());
    if (ids.isEmpty() || ids.size() > MAX_COMPUTERS) {
      throw ApiException.invalid("computerIds: give between 1 and " + MAX_COMPUTERS + " computers");
    }
    var target = lookups.requireTenant(cmd.targetTenantId());
    List<Computer> found =
        computers.lockAll(ids).stream()
            .filter(c -> access.canViewComputer(c.tenantId(), c.id()))
            .toList();
    requireAllFound(ids, found);
    if (!target.active()) {
      throw ApiException.conflict(
          "Tenant "
              + target.id()
              + " ("
              + target.name()
              + ") is inactive; activate it before moving computers into it");
    }
    found.forEach(c -> access.requireChangeTenant(c.tenantId(), target.id(), c.id()));
    Map<UUID, UUID> personTenants =
        computers.tenantsOfPeople(
            found.stream().map(Computer::primaryPersonId).filter(Objects::nonNull).toList());
    List<Placement> before = new ArrayList<>();
    List<ComputerCommands.Moved> moved = new ArrayList<>();
    List<UUID> alreadyThere = new ArrayList<>();
    for (Computer c : found) {
      if (c.tenantId().equals(target.id())) {
        alreadyThere.add(c.id());
        continue;
      }
      UUID person = c.primaryPersonId();
      boolean keep = person != null && target.id().equals(personTenants.get(person));
      UUID kept = keep ? person : null;
      computers.update(
          new Computer(
              c.id(), target.id(), c.name(), c.type(), kept, c.os(), c.serial(), c.version()));
      before.add(new Placement(c.id(), c.tenantId(), person));
      moved.add(
          new ComputerCommands.Moved(
              c.id(), c.name(), c.tenantId(), target.id(), kept, keep ? null : person));
    }
    AccessChangeList gained = AccessChangeList.NONE;
    if (!moved.isEmpty()) {
      gained = accessChanges.review(); // the target's holders now see the moved computers
      audit.record(
          AuditEntry.changed(
              "computers.tenant-changed",
              "tenant",
              target.id(),
              target.id(),
              before,
              AccessChanges.audited(moved, gained)));
    }
    return new ComputerCommands.TenantChanged(target.id(), moved, alreadyThere, gained);
  }

  private static void requireAllFound(Set<UUID> ids, List<Computer> found) {
    Set<UUID> missing = new LinkedHashSet<>(ids);
    found.forEach(c -> missing.remove(c.id()));
    if (!missing.isEmpty()) {
      throw new ApiException(
          ErrorCode.NOT_FOUND,
          "No computer was moved: these computers were not found: " + missing,
          Map.of("missingComputerIds", List.copyOf(missing)));
    }
  }
}
