package dev.tenantry.library.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.library.internal.FileStore;
import dev.tenantry.library.internal.MediaService;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.Versions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
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
@RequestMapping("/api/v1/media")
class MediaController {
  private final MediaService media;
  private final FileStore files;

  MediaController(MediaService media, FileStore files) {
    this.media = media;
    this.files = files;
  }

  record MediaRequest(
      @NotBlank @Size(max = 200) String name,
      @Nullable @Size(max = 4000) String description,
      @Nullable @Size(max = 260) String fileName,
      @Nullable @Size(max = 200) String contentType,
      @Nullable UUID ownerTenantId,
      @Nullable Boolean global,
      @Nullable Long version) {
    MediaService.Save command() {
      return new MediaService.Save(
          name.strip(),
          Common.orEmpty(description),
          Common.orEmpty(fileName),
          contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType,
          ownerTenantId,
          Common.yes(global));
    }
  }

  @Requires(
      value = {Permission.MEDIA_VIEW},
      on = On.LIST)
  @GetMapping
  Page<MediaService.Media> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable UUID ownerTenantId,
      @RequestParam(required = false) @Nullable String owner,
      @RequestParam(defaultValue = "name") String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return media.list(q, ownerTenantId, owner, sort, Page.page(page), Page.size(size));
  }

  @Requires(
      value = {Permission.MEDIA_VIEW},
      on = On.TENANT,
      note = "on the owner; global: at any scope")
  @GetMapping("/{id}")
  MediaService.Media get(@PathVariable UUID id) {
    return media.get(id);
  }

  @Requires(
      value = {Permission.MEDIA_MANAGE},
      on = On.TENANT,
      note = "on the owner (default: the caller's tenant); global also needs media:publish")
  @PostMapping
  ResponseEntity<MediaService.Media> create(@Valid @RequestBody MediaRequest r) {
    MediaService.Media m = media.create(r.command());
    return ResponseEntity.created(URI.create("/api/v1/media/" + m.id())).body(m);
  }

  @Requires(
      value = {Permission.MEDIA_VIEW, Permission.MEDIA_MANAGE},
      on = On.TENANT,
      note = "on the owner, and on the new owner when it changes")
  @PutMapping("/{id}")
  MediaService.Media update(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody MediaRequest r) {
    return media.update(id, Versions.required(r.version(), ifMatch, "media", id), r.command());
  }

  @Requires(
      value = {Permission.MEDIA_VIEW, Permission.MEDIA_DELETE},
      on = On.TENANT)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    media.delete(id, Versions.optional(null, ifMatch));
    return ResponseEntity.noContent().build();
  }

  @Requires(
      value = {Permission.MEDIA_VIEW, Permission.MEDIA_MANAGE},
      on = On.TENANT,
      note = "the body is the raw file (streamed); 413 beyond tenantry.library.max-file-size")
  @PutMapping("/{id}/content")
  MediaService.Media upload(@PathVariable UUID id, HttpServletRequest request) throws IOException {
    return media.upload(id, request.getInputStream(), request.getContentLengthLong());
  }

  @Requires(
      value = {Permission.MEDIA_VIEW},
      on = On.TENANT,
      note = "supports Range")
  @GetMapping("/{id}/content")
  void download(
      @PathVariable UUID id,
      @RequestHeader(value = "Range", required = false) @Nullable String range,
      @RequestHeader(value = "If-Range", required = false) @Nullable String ifRange,
      HttpServletResponse response)
      throws IOException {
    Downloads.send(files, media.content(id), range, ifRange, response);
  }
}
