package dev.tenantry.directory.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.directory.PersonSource;
import dev.tenantry.directory.internal.PersonCommands;
import dev.tenantry.directory.internal.PersonQuery;
import dev.tenantry.directory.internal.PersonService;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.Versions;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
@RequestMapping("/api/v1/people")
class PeopleController {
  private final PersonService people;

  PeopleController(PersonService people) {
    this.people = people;
  }

  @Requires(
      value = {Permission.PEOPLE_VIEW},
      on = On.LIST)
  @GetMapping
  Page<PersonResponse> list(
      @RequestParam(required = false) @Nullable UUID tenantId,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable UUID tagId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) @Nullable String after) {
    return people
        .list(new PersonQuery(tenantId, q, tagId, Page.page(page), Page.size(size), after))
        .map(PersonResponse::of);
  }

  @Requires(
      value = {Permission.PEOPLE_VIEW},
      on = On.PERSON)
  @GetMapping("/{id}")
  ResponseEntity<PersonResponse> get(@PathVariable UUID id) {
    return withEtag(ResponseEntity.ok(), PersonResponse.of(people.get(id)));
  }

  @Requires(
      value = {Permission.PEOPLE_VIEW, Permission.PEOPLE_MANAGE},
      on = On.TENANT)
  @PostMapping
  ResponseEntity<PersonResponse> create(@Valid @RequestBody PersonRequests.Create r) {
    var created =
        people.create(
            new PersonCommands.Create(
                r.tenantId(),
                r.givenName().strip(),
                PersonRequests.orEmpty(r.familyName()),
                PersonRequests.orEmpty(r.email()),
                Guid.parse(r.azureObjectId()),
                r.source() == null ? PersonSource.MANUAL : r.source()));
    var body = PersonResponse.of(created);
    return withEtag(ResponseEntity.created(URI.create("/api/v1/people/" + body.id())), body);
  }

  @Requires(
      value = {Permission.PEOPLE_VIEW, Permission.PEOPLE_MANAGE},
      on = On.PERSON)
  @PutMapping("/{id}")
  ResponseEntity<PersonResponse> update(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody PersonRequests.Update r) {
    long version = Versions.required(r.version(), ifMatch, "person", id);
    var changed =
        people.update(
            id,
            new PersonCommands.Update(
                r.tenantId(),
                r.givenName().strip(),
                PersonRequests.orEmpty(r.familyName()),
                PersonRequests.orEmpty(r.email()),
                Guid.parse(r.azureObjectId()),
                version));
    return withEtag(ResponseEntity.ok(), PersonResponse.of(changed.view(), changed.warnings()));
  }

  @Requires(
      value = {Permission.PEOPLE_VIEW, Permission.PEOPLE_DELETE},
      on = On.PERSON)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    people.delete(id, Versions.optional(null, ifMatch));
    return ResponseEntity.noContent().build();
  }

  @Requires(
      value = {Permission.PEOPLE_VIEW, Permission.TAGS_ASSIGN},
      on = On.PERSON)
  @PutMapping("/{id}/tags/{tagId}")
  ResponseEntity<Void> tag(@PathVariable UUID id, @PathVariable UUID tagId) {
    people.tag(id, tagId, true);
    return ResponseEntity.noContent().build();
  }

  @Requires(
      value = {Permission.PEOPLE_VIEW, Permission.TAGS_ASSIGN},
      on = On.PERSON)
  @DeleteMapping("/{id}/tags/{tagId}")
  ResponseEntity<Void> untag(@PathVariable UUID id, @PathVariable UUID tagId) {
    people.tag(id, tagId, false);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<PersonResponse> withEtag(
      ResponseEntity.BodyBuilder b, PersonResponse body) {
    return b.eTag(Versions.etag(body.version())).body(body);
  }
}
