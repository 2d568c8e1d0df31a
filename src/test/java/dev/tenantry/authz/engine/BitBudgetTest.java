package dev.tenantry.authz.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.Effect;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.ScopeKind;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine packs enums into fixed bit fields of ints (see {@link Compiled}); adding a constant to
 * one of these enums must fail here, not silently alias another value in a decision. Each budget is
 * read from the packing code's own constants, then checked by packing the largest value.
 */
class BitBudgetTest {
  /** The scope kinds as compiled: every ScopeKind but RESOURCE, plus one per resource selector. */
  static final List<Integer> COMPILED_KINDS =
      List.of(
          Compiled.OWNER,
          Compiled.MSP,
          Compiled.TENANT,
          Compiled.TENANT_TAG,
          Compiled.USERS_TENANT,
          Compiled.RES_ONE,
          Compiled.RES_TAG,
          Compiled.RES_TYPES);

  @Test
  void computerTypeFitsTheThreeBitsOfTheIndexPayloadAndTheEightBitsOfTheTypeMask() {
    int types = ComputerType.values().length;
    assertThat(types).as("payload bits 0-2 (bit 3 = tagged)").isLessThanOrEqualTo(8);
    int last = types - 1;
    int payload = Compiled.computerPayload(12345, last, true);
    assertThat(payload & 7).isEqualTo(last);
    assertThat(payload & 8).isEqualTo(8);
    assertThat((payload >>> 4) - 1).isEqualTo(12345);
    int allTypes = (1 << types) - 1;
    assertThat(allTypes << 8 & ~0xFF00)
        .as("type mask within bits 8-15 of the packed word")
        .isZero();
    assertThat(1 << last).as("a type bit stays below TAGGED").isLessThan(Compiled.TAGGED);
  }

  @Test
  void scopeKindsFitTheKindBitsAndNoFlagOverlapsThem() {
    assertThat(new HashSet<>(COMPILED_KINDS)).hasSameSizeAs(COMPILED_KINDS);
    assertThat(COMPILED_KINDS).allSatisfy(k -> assertThat(k & ~Compiled.P_KIND).isZero());
    int sealedSelectors = ResourceSelector.class.getPermittedSubclasses().length;
    assertThat(COMPILED_KINDS)
        .as("one compiled kind per scope kind (RESOURCE: one per selector)")
        .hasSize(ScopeKind.values().length - 1 + sealedSelectors);
    int flags = Compiled.P_DENY | Compiled.P_CHILDREN | Compiled.P_EXPIRES | Compiled.P_MSP_LIMIT;
    assertThat(Integer.bitCount(flags)).as("distinct flag bits").isEqualTo(4);
    assertThat(flags & Compiled.P_KIND).isZero();
    assertThat(flags & 0xFF00).as("flags below the type mask").isZero();
    assertThat(0xFFFF & (-1 << Compiled.P_EXP_AT)).as("expiry offset above the type mask").isZero();
  }

  @Test
  void effectIsOneBit() {
    assertThat(Effect.values()).as("P_DENY is a single bit").hasSize(2);
  }

  @Test
  void everyPermissionHasABitInTheRoleWords() {
    int n = Permission.values().length;
    assertThat(Compiled.WORDS * 64).isGreaterThanOrEqualTo(n);
    Set<Integer> bits = new HashSet<>();
    Arrays.stream(Permission.values())
        .forEach(p -> bits.add((p.ordinal() >>> 6) * 64 + (p.ordinal() & 63)));
    assertThat(bits).hasSize(n);
  }

  @Test
  void aPackedAssignmentDecodesToWhatWasPacked() {
    int allTypes = (1 << ComputerType.values().length) - 1;
    for (int kind : COMPILED_KINDS) {
      int packed =
          new Compiled.Asg(null, 0, false, 0, 0, kind, 0, -1, true, allTypes, true, true, 1L, 0)
              .packed();
      assertThat(packed & Compiled.P_KIND).isEqualTo(kind);
      assertThat((packed >>> 8) & 0xFF).isEqualTo(allTypes);
      assertThat(packed & Compiled.P_DENY).isNotZero();
      assertThat(packed & Compiled.P_CHILDREN).isNotZero();
      assertThat(packed & Compiled.P_EXPIRES).isNotZero();
      assertThat(packed & Compiled.P_MSP_LIMIT).isNotZero();
      assertThat(packed >>> Compiled.P_EXP_AT)
          .as("free for the hot array's expiry offset")
          .isZero();
    }
  }
}
