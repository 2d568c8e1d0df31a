package dev.tenantry.directory.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.access.AccessChanges;
import dev.tenantry.directory.Computer;
import dev.tenantry.directory.ComputerCreated;
import dev.tenantry.directory.Person;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computer use cases: each change is checked, applied and audited in one transaction. */
@Service
public class ComputerService {
  static final String TYPE = "computer";
  private final ComputerRepository computers;
  private final ComputerReads reads;
  private final PersonRepository people;
  private final DirectoryLookups lookups;
  private final DirectoryAccess access;
  private final AuditLog audit;
  private final AccessChanges accessChanges;
  private final ApplicationEventPublisher events;

  ComputerService(
      ComputerRepository computers,
      ComputerReads reads,
      PersonRepository people,
      DirectoryLookups lookups,
      DirectoryAccess access,
      AuditLog audit,
      AccessChanges accessChanges,
      ApplicationEventPublisher events) {
    this.computers = computers;
    this.reads = reads;
    this.people = people;
    this.lookups = lookups;
    this.access = access;
    this.audit = audit;
    this.accessChanges = accessChanges;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public ComputerView get(UUID id) {
    Computer c = computers.find(id).orElseThrow(() -> ApiException.notFound(TYPE, id));
    access.requireViewComputer(c.tenantId(), id);
    return reads.view(c);
  }

  @Transactional(readOnly = true)
  public Page<ComputerView> list(ComputerQuery query) {
    return reads.search(query, access.visibleComputerFilter());
  }

  @Transactional
  public ComputerView create(ComputerCommands.Create c) {
    accessChanges.lock();
    lookups.requireTenant(c.tenantId());
    access.requireCreateComputer(c.tenantId());
    requirePrimaryPersonOf(c.tenantId(), c.primaryPersonId());
    Computer computer =
        new Computer(
            UUID.randomUUID(),
            c.tenantId(),
            c.name(),
            c.type(),
            c.primaryPersonId(),
            c.os(),
            c.serial(),
            0);
    computers.insert(computer);
    ComputerView created = reads.view(computer);
    AccessChangeList gained = accessChanges.review(); // resource selectors of its type
    audit.record(
        AuditEntry.created(
            "computer.created",
            TYPE,
            computer.id(),
            c.tenantId(),
            AccessChanges.audited(created, gained)));
    events.publishEvent(new ComputerCreated(computer.id(), c.tenantId()));
    return created;
  }

  @Transactional
  public ComputerView update(UUID id, ComputerCommands.Update u) {
    accessChanges.lock();
    Computer before = lockVisible(id);
    access.requireManageComputer(before.tenantId(), id);
    if (u.tenantId() != null && !u.tenantId().equals(before.tenantId())) {
      throw ApiException.invalid(
          "tenantId: a computer's tenant cannot be changed here;"
              + " use POST /api/v1/computers/change-tenant");
    }
    if (before.version() != u.expectedVersion()) {
      throw ApiException.stale(TYPE, id, u.expectedVersion(), before.version());
    }
    requirePrimaryPersonOf(before.tenantId(), u.primaryPersonId());
    Computer after =
        new Computer(
            id,
            before.tenantId(),
            u.name(),
            u.type(),
            u.primaryPersonId(),
            u.os(),
            u.serial(),
            before.version() + 1);
    ComputerView beforeView = reads.view(before);
    computers.update(after);
    ComputerView afterView = reads.view(after);
    AccessChangeList gained = accessChanges.review(); // a new type may join type selectors
    audit.record(
        AuditEntry.changed(
            "computer.updated",
            TYPE,
            id,
            before.tenantId(),
            beforeView,
            AccessChanges.audited(afterView, gained)));
    return afterView;
  }

  @Transactional
  public void delete(UUID id, @Nullable Long expectedVersion) {
    accessChanges.lock(); // before the row lock: the one lock order (docs/multi-node.md)
    Computer c = lockVisible(id);
    access.requireDeleteComputer(c.tenantId(), id);
    if (expectedVersion != null && expectedVersion != c.version()) {
      throw ApiException.stale(TYPE, id, expectedVersion, c.version());
    }
    ComputerView before = reads.view(c);
    var removed = accessChanges.removedWithComputer(id); // its RESOURCE assignments go with it
    computers.delete(id);
    audit.record(
        AuditEntry.deleted(
            "computer.deleted",
            TYPE,
            id,
            c.tenantId(),
            removed.isEmpty()
                ? before
                : java.util.Map.of("computer", before, "removedAssignments", removed)));
  }

  @Transactional
  public AccessChangeList tag(UUID id, UUID tagId, boolean add) {
    accessChanges.lock();
    Computer c = lockVisible(id);
    access.requireTagComputer(c.tenantId(), id);
    lookups.requireTag(tagId);
    ComputerView before = reads.view(c);
    boolean changed = add ? computers.tag(id, tagId) : computers.untag(id, tagId);
    if (!changed) {
      return AccessChangeList.NONE;
    }
    AccessChangeList gained = accessChanges.review(); // computer tag selectors
    audit.record(
        AuditEntry.changed(
            add ? "computer.tagged" : "computer.untagged",
            TYPE,
            id,
            c.tenantId(),
            before,
            AccessChanges.audited(reads.view(c), gained)));
    return gained;
  }

  private Computer lockVisible(UUID id) {
    Computer c = computers.lock(id).orElseThrow(() -> ApiException.notFound(TYPE, id));
    access.requireViewComputer(c.tenantId(), id);
    return c;
  }

  /** A primary person must exist, be visible, and belong to the computer's own tenant. */
  private void requirePrimaryPersonOf(UUID tenantId, @Nullable UUID personId) {
    if (personId == null) {
      return;
    }
    Person p = people.find(personId).orElseThrow(() -> ApiException.notFound("person", personId));
    access.requireViewPerson(p.tenantId(), personId);
    if (!p.tenantId().equals(tenantId)) {
      throw ApiException.invalid(
          "primaryPersonId: person "
              + personId
              + " belongs to tenant "
              + p.tenantId()
              + ", not to the computer's tenant "
              + tenantId);
    }
  }
}
