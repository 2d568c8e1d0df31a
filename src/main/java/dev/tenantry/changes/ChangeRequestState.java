package dev.tenantry.changes;

/**
 * Where a change request stands (DESIGN §8). {@code WAITING_FOR_APPROVAL} and {@code
 * NEEDS_ATTENTION} are open; the others are final. {@code CANCELLED} = withdrawn by its author.
 */
public enum ChangeRequestState {
  WAITING_FOR_APPROVAL,
  NEEDS_ATTENTION,
  APPROVED_AND_APPLIED,
  DENIED,
  CANCELLED;

  public boolean open() {
    return this == WAITING_FOR_APPROVAL || this == NEEDS_ATTENTION;
  }
}
