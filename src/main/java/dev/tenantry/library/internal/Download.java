package dev.tenantry.library.internal;

/** A file to send: its blob, the name to offer and its content type. */
public record Download(FileStore.Blob blob, String fileName, String contentType) {}
