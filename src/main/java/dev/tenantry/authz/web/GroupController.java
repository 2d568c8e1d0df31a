package dev.tenantry.authz.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.authz.internal.*;
import dev.tenantry.authz.internal.GroupRepository.MemberRow;
import dev.tenantry.authz.internal.GroupService.GroupRequest;
import dev.tenantry.authz.internal.GroupService.GroupView;
import dev.tenantry.shared.Page;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Groups and their members; the rules live in {@link GroupService}. */
@RestController
@RequestMapping("/api/v1/groups")
class GroupController {
  private final GroupService groups;

  GroupController(GroupService groups) {
    this.groups = groups;
  }

  @Requires(
      value = {Permission.GROUPS_VIEW},
      on = On.LIST)
  @GetMapping
  Page<GroupView> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return Page.slice(groups.list(), page, size);
  }

  @Requires(
      value = {Permission.GROUPS_VIEW, Permission.GROUPS_MANAGE},
      on = On.GROUP,
      note =
          "on the owner tenant (404 when groups:view is not held there); a global group needs groups:manage on the instance")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  GroupView create(@RequestBody GroupRequest request) {
    return groups.create(request);
  }

  @Requires(
      value = {Permission.GROUPS_VIEW},
      on = On.GROUP)
  @GetMapping("/{id}")
  GroupView get(@PathVariable UUID id) {
    return groups.get(id);
  }

  @Requires(
      value = {Permission.GROUPS_VIEW, Permission.GROUPS_MANAGE},
      on = On.GROUP)
  @PutMapping("/{id}")
  GroupView update(@PathVariable UUID id, @RequestBody GroupRequest request) {
    return groups.update(id, request);
  }

  @Requires(
      value = {Permission.GROUPS_VIEW, Permission.GROUPS_MANAGE},
      on = On.GROUP,
      note = "and may remove every assignment of the group (anti-escalation)")
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    groups.delete(id);
  }

  @Requires(
      value = {Permission.GROUPS_VIEW},
      on = On.GROUP)
  @GetMapping("/{id}/members/{userId}")
  MemberRow member(@PathVariable UUID id, @PathVariable UUID userId) {
    return groups.member(id, userId);
  }

  @Requires(
      value = {Permission.GROUPS_VIEW, Permission.GROUPS_MANAGE, Permission.USERS_VIEW},
      on = On.GROUP,
      note = "users:view on the member's tenant; anti-escalation 6d")
  @PutMapping("/{id}/members/{userId}")
  MemberRow addMember(@PathVariable UUID id, @PathVariable UUID userId) {
    return groups.addMember(id, userId);
  }

  @Requires(
      value = {Permission.GROUPS_VIEW, Permission.GROUPS_MANAGE},
      on = On.GROUP,
      note = "lifting a DENY needs its permissions over its scope (6c)")
  @DeleteMapping("/{id}/members/{userId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeMember(@PathVariable UUID id, @PathVariable UUID userId) {
    groups.removeMember(id, userId);
  }
}
