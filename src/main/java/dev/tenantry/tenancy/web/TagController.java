package dev.tenantry.tenancy.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.tenancy.TagView;
import dev.tenantry.tenancy.internal.TagCommands;
import dev.tenantry.tenancy.internal.TagRepository;
import dev.tenantry.tenancy.internal.TenantAccess;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tag catalogue shared by tenants, computers and people. */
@RestController
@RequestMapping("/api/v1/tags")
class TagController {
  private final TenantAccess access;
  private final TagRepository tags;
  private final TagCommands commands;

  TagController(TenantAccess access, TagRepository tags, TagCommands commands) {
    this.access = access;
    this.tags = tags;
    this.commands = commands;
  }

  /** Body of create and update; on update absent color/description keep their value. */
  record TagRequest(
      @Nullable String name,
      @Nullable String color,
      @Nullable String description,
      @Nullable Long version) {}

  @Requires(
      value = {Permission.TAGS_VIEW},
      on = On.SYSTEM,
      note = "shared catalogue (a global object): held at any scope")
  @GetMapping
  List<TagView> list(@RequestParam(required = false) @Nullable String q) {
    access.requireViewTags();
    return tags.list(q == null || q.isBlank() ? null : q.strip());
  }

  @Requires(
      value = {Permission.TAGS_VIEW},
      on = On.SYSTEM,
      note = "shared catalogue (a global object): held at any scope")
  @GetMapping("/{id}")
  ResponseEntity<TagView> get(@PathVariable UUID id) {
    access.requireViewTags();
    TagView tag = commands.find(id);
    return ResponseEntity.ok().eTag(String.valueOf(tag.version())).body(tag);
  }

  @Requires(
      value = {Permission.TAGS_MANAGE},
      on = On.SYSTEM,
      note = "global object: OWNER (or the creating MSP) scope")
  @PostMapping
  ResponseEntity<TagView> create(@RequestBody TagRequest body) {
    access.requireManageTags();
    TagView tag = commands.create(body.name(), body.color(), body.description());
    return ResponseEntity.created(URI.create("/api/v1/tags/" + tag.id()))
        .eTag(String.valueOf(tag.version()))
        .body(tag);
  }

  @Requires(
      value = {Permission.TAGS_MANAGE},
      on = On.SYSTEM,
      note = "global object: OWNER (or the creating MSP) scope")
  @RequestMapping(
      path = "/{id}",
      method = {RequestMethod.PUT, RequestMethod.PATCH})
  ResponseEntity<TagView> update(
      @PathVariable UUID id,
      @RequestBody TagRequest body,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    access.requireManageTags();
    long version = Versions.required(body.version(), ifMatch);
    String name = body.name() != null ? body.name() : commands.find(id).name();
    TagView tag = commands.update(id, name, body.color(), body.description(), version);
    return ResponseEntity.ok().eTag(String.valueOf(tag.version())).body(tag);
  }

  @Requires(
      value = {Permission.TAGS_MANAGE},
      on = On.SYSTEM,
      note = "global object: OWNER (or the creating MSP) scope")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable UUID id) {
    access.requireManageTags();
    commands.delete(id);
    return ResponseEntity.noContent().build();
  }
}
