package dev.tenantry.authz.web;

import dev.tenantry.authz.internal.GroupRepository.MemberRow;
import dev.tenantry.authz.web.GroupService.GroupRequest;
import dev.tenantry.authz.web.GroupService.GroupView;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

  @GetMapping
  List<GroupView> list() {
    return groups.list();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  GroupView create(@RequestBody GroupRequest request) {
    return groups.create(request);
  }

  @GetMapping("/{id}")
  GroupView get(@PathVariable UUID id) {
    return groups.get(id);
  }

  @PutMapping("/{id}")
  GroupView update(@PathVariable UUID id, @RequestBody GroupRequest request) {
    return groups.update(id, request);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    groups.delete(id);
  }

  @GetMapping("/{id}/members/{userId}")
  MemberRow member(@PathVariable UUID id, @PathVariable UUID userId) {
    return groups.member(id, userId);
  }

  @PutMapping("/{id}/members/{userId}")
  MemberRow addMember(@PathVariable UUID id, @PathVariable UUID userId) {
    return groups.addMember(id, userId);
  }

  @DeleteMapping("/{id}/members/{userId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeMember(@PathVariable UUID id, @PathVariable UUID userId) {
    groups.removeMember(id, userId);
  }
}
