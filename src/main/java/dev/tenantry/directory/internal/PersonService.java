package dev.tenantry.directory.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.directory.EntraState;
import dev.tenantry.directory.Person;
import dev.tenantry.directory.PersonSource;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People use cases: each change is checked, applied and audited in one transaction. */
@Service
public class PersonService {
  private static final String TYPE = "person";
  private final PersonRepository people;
  private final PersonReads reads;
  private final DirectoryLookups lookups;
  private final DirectoryAccess access;
  private final AuditLog audit;

  PersonService(
      PersonRepository people,
      PersonReads reads,
      DirectoryLookups lookups,
      DirectoryAccess access,
      AuditLog audit) {
    this.people = people;
    this.reads = reads;
    this.lookups = lookups;
    this.access = access;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public PersonView get(UUID id) {
    return reads.view(loadVisible(id, false));
  }

  @Transactional(readOnly = true)
  public Page<PersonView> list(PersonQuery query) {
    return reads.search(query, access.visiblePeopleTenants());
  }

  @Transactional
  public PersonView create(PersonCommands.Create c) {
    if (c.source() != PersonSource.MANUAL) {
      throw ApiException.invalid(
          "source: people from Azure are created by the Azure sync, not by hand");
    }
    lookups.requireTenant(c.tenantId());
    access.requireManagePeople(c.tenantId());
    Person p =
        new Person(
            UUID.randomUUID(),
            c.tenantId(),
            c.givenName(),
            c.familyName(),
            c.email(),
            c.azureObjectId(),
            c.source(),
            0,
            EntraState.ACTIVE);
    requireFreeObjectId(p, null);
    people.insert(p);
    PersonView created = reads.view(p);
    audit.record(AuditEntry.created("person.created", TYPE, p.id(), p.tenantId(), created));
    return created;
  }

  @Transactional
  public PersonCommands.Changed update(UUID id, PersonCommands.Update c) {
    Person before = loadVisible(id, true);
    access.requireManagePeople(before.tenantId());
    if (c.tenantId() != null && !c.tenantId().equals(before.tenantId())) {
      throw ApiException.invalid(
          "tenantId: a person's tenant cannot be changed here;"
              + " people move to another tenant only by merging tenants");
    }
    requireVersion(before, c.expectedVersion());
    Person after =
        new Person(
            id,
            before.tenantId(),
            c.givenName(),
            c.familyName(),
            c.email(),
            c.azureObjectId(),
            before.source(),
            before.version() + 1,
            before.entraState());
    requireFreeObjectId(after, id);
    PersonView beforeView = reads.view(before);
    people.update(after);
    PersonView afterView = reads.view(after);
    audit.record(
        AuditEntry.changed("person.updated", TYPE, id, before.tenantId(), beforeView, afterView));
    return new PersonCommands.Changed(afterView, AzureSyncedFields.warnings(before, after));
  }

  @Transactional
  public void delete(UUID id, @Nullable Long expectedVersion) {
    Person p = loadVisible(id, true);
    access.requireDeletePeople(p.tenantId());
    if (expectedVersion != null) {
      requireVersion(p, expectedVersion);
    }
    people
        .userIdOf(id)
        .ifPresent(
            userId -> {
              throw ApiException.conflict(
                  "Person " + id + " is user " + userId + "; delete or demote the user first");
            });
    PersonView before = reads.view(p);
    List<UUID> computers = people.clearPrimaryPersonOnComputers(id);
    people.delete(id);
    audit.record(
        AuditEntry.deleted(
            "person.deleted", TYPE, id, p.tenantId(), new PersonDeleted(before, computers)));
  }

  /** The audit snapshot of a deletion: the person, and the computers it was primary person of. */
  record PersonDeleted(PersonView person, List<UUID> primaryPersonClearedOnComputers) {}

  @Transactional
  public void tag(UUID id, UUID tagId, boolean add) {
    Person p = loadVisible(id, true);
    access.requireTagPerson(p.tenantId(), id);
    lookups.requireTag(tagId);
    PersonView before = reads.view(p);
    boolean changed = add ? people.tag(id, tagId) : people.untag(id, tagId);
    if (changed) {
      audit.record(
          AuditEntry.changed(
              add ? "person.tagged" : "person.untagged",
              TYPE,
              id,
              p.tenantId(),
              before,
              reads.view(p)));
    }
  }

  private Person loadVisible(UUID id, boolean lock) {
    Person p =
        (lock ? people.lock(id) : people.find(id))
            .orElseThrow(() -> ApiException.notFound(TYPE, id));
    access.requireViewPerson(p.tenantId(), id);
    return p;
  }

  private static void requireVersion(Person p, long expected) {
    if (p.version() != expected) {
      throw ApiException.stale(TYPE, p.id(), expected, p.version());
    }
  }

  private void requireFreeObjectId(Person p, @Nullable UUID exceptId) {
    if (p.azureObjectId() != null
        && people.azureObjectIdTaken(p.tenantId(), p.azureObjectId(), exceptId)) {
      throw ApiException.duplicate(
          "Another person of tenant "
              + p.tenantId()
              + " already has Azure object id "
              + p.azureObjectId());
    }
  }
}
