package dev.tenantry.library.web;

import dev.tenantry.library.internal.MediaService;
import dev.tenantry.shared.web.ConsolePage;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Media in the console: create, then upload the bytes with a progress bar (streamed, raw body). */
@Controller
@ConsolePage
class LibraryFilePages {
  private final MediaService media;
  private final dev.tenantry.library.internal.LibraryOwnership ownership;

  LibraryFilePages(MediaService media, dev.tenantry.library.internal.LibraryOwnership ownership) {
    this.ownership = ownership;
    this.media = media;
  }

  @GetMapping("/library/media/{id}")
  String page(@PathVariable UUID id, Model model) {
    model.addAttribute("ownership", ownership.form("media", id));
    model.addAttribute("media", media.get(id));
    return "library/media";
  }

  @PostMapping("/library/media")
  String create(
      @RequestParam String name,
      @RequestParam(defaultValue = "") String fileName,
      @RequestParam(required = false) @Nullable UUID ownerTenantId) {
    MediaService.Media m =
        media.create(
            new MediaService.Save(
                name.strip(), "", fileName, "application/octet-stream", ownerTenantId, false));
    return "redirect:/library/media/" + m.id();
  }

  /** The page's XHR sends the file as the raw body, so the browser reports upload progress. */
  @PostMapping("/library/media/{id}/content")
  @ResponseBody
  MediaService.Media upload(@PathVariable UUID id, HttpServletRequest request) throws IOException {
    return media.upload(id, request.getInputStream(), request.getContentLengthLong());
  }

  @GetMapping("/library/media/new")
  String newMedia(Model model) {
    return "library/media-new";
  }
}
