package org.zstack.v2v.migration;

import org.junit.jupiter.api.Test;
import org.zstack.header.storage.primary.PrimaryStorageVO;
import org.zstack.v2v.V2VConversionHostVO;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.zstack.v2v.migration.PlannerFixtures.*;

class SpaceBudgetTest {
    private static final long GIB = 1L << 30;
    private static final String NOT_ENOUGH_SPACE = "V2V.1007";

    @Test
    void theCacheHoldsTheSubmissionBesideTheRunningJobs() {
        V2VConversionHostVO ch = conversionHost("ch-1", "h1", 100 * GIB);
        PrimaryStorageVO ps = ps("ps-1", "NFS", 1000 * GIB);
        SpaceBudget budget = new SpaceBudget();
        budget.take("VM a", 40 * GIB, ch, 20 * GIB, ps);
        refused(NOT_ENOUGH_SPACE, "VM b: the cache path of conversion host ch ch-1 has " + 80 * GIB + " bytes free (after the"
                + " reservations of running jobs), the migration needs " + 81 * GIB, () -> budget.take("VM b", 41 * GIB, ch, 20 * GIB, ps));
        assertDoesNotThrow(() -> new SpaceBudget().take("VM b", 80 * GIB, ch, 20 * GIB, ps));
    }

    @Test
    void thePrimaryStorageHoldsTheSubmission() {
        V2VConversionHostVO ch = conversionHost("ch-1", "h1", 1000 * GIB);
        PrimaryStorageVO ps = ps("ps-1", "NFS", 50 * GIB);
        SpaceBudget budget = new SpaceBudget();
        budget.take("VM a", 30 * GIB, ch, 0, ps);
        refused(NOT_ENOUGH_SPACE, "VM b: primary storage storage ps-1 has " + 50 * GIB + " bytes free, the migration needs " + 60 * GIB,
                () -> budget.take("VM b", 30 * GIB, ch, 0, ps));
        // another storage has its own budget
        assertDoesNotThrow(() -> budget.take("VM c", 30 * GIB, ch, 0, ps("ps-2", "NFS", 50 * GIB)));
    }
}
