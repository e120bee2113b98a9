package dev.portalloc.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.portalloc.allocation.Allocation;
import dev.portalloc.operations.CheckReport.OutOfLayout;
import dev.portalloc.operations.CheckReport.PoolAllocation;
import dev.portalloc.operations.CheckReport.PortConflict;
import dev.portalloc.operations.CheckReport.PortHolder;
import dev.portalloc.operations.CheckReport.UnknownPool;
import dev.portalloc.pool.PoolLayout;
import dev.portalloc.pool.PoolRegistry;
import io.quarkus.logging.Log;

/**
 * Looks for problems in the stored allocations with read-only queries that take no lock, so a check never delays
 * allocations. Only the rows that have a problem are loaded.
 */
@ApplicationScoped
class ConsistencyCheck {

    /**
     * Every (pool, port) that more than one allocation holds, in either role, with its holders. It reads the allocation
     * table itself rather than held_port, whose primary key would hide exactly these cases.
     */
    private static final String CONFLICTS = """
            WITH held AS (
                SELECT pool, backend_port AS port, 'backend' AS role, model, app_number, backend_port, frontend_port
                FROM allocation
                UNION ALL
                SELECT pool, frontend_port, 'frontend', model, app_number, backend_port, frontend_port
                FROM allocation
            )
            SELECT held.pool, held.port, held.role, held.model, held.app_number, held.backend_port, held.frontend_port
            FROM held
            JOIN (SELECT pool, port FROM held GROUP BY pool, port HAVING count(*) > 1) AS twice
                ON twice.pool = held.pool AND twice.port = held.port
            ORDER BY held.pool, held.port, held.model, held.app_number, held.role""";

    private final PoolRegistry pools;
    private final EntityManager entityManager;

    ConsistencyCheck(PoolRegistry pools, EntityManager entityManager) {
        this.pools = pools;
        this.entityManager = entityManager;
    }

    @Transactional
    CheckReport run() {
        ReadSnapshot.begin(entityManager);
        List<PortConflict> conflicts = conflicts();
        List<OutOfLayout> outOfLayout = new ArrayList<>();
        for (PoolLayout layout : pools.all()) {
            outOfLayout.addAll(outOfLayout(layout));
        }
        List<UnknownPool> unknownPools = unknownPools();
        CheckReport report = CheckReport.of(conflicts, outOfLayout, unknownPools);
        if (!report.status().equals(CheckReport.CLEAN)) {
            Log.warnf("Check found %d port conflicts, %d allocations outside their layout and %d unconfigured pools"
                    + " holding allocations", conflicts.size(), outOfLayout.size(), unknownPools.size());
        }
        return report;
    }

    @SuppressWarnings("unchecked")
    private List<PortConflict> conflicts() {
        List<Object[]> rows = entityManager.createNativeQuery(CONFLICTS).getResultList();
        // Rows arrive ordered by (pool, port), so each conflict's holders are adjacent.
        Map<String, PortConflict> byPort = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String pool = (String) row[0];
            int port = ((Number) row[1]).intValue();
            PortConflict conflict = byPort.computeIfAbsent(pool + ":" + port,
                    key -> new PortConflict(pool, port, new ArrayList<>()));
            conflict.holders().add(new PortHolder((String) row[3], ((Number) row[4]).intValue(), (String) row[2],
                    ((Number) row[5]).intValue(), ((Number) row[6]).intValue()));
        }
        return List.copyOf(byPort.values());
    }

    private static List<OutOfLayout> outOfLayout(PoolLayout layout) {
        LayoutView view = LayoutView.of(layout);
        List<Allocation> outside = Allocation.list(LayoutQuery.POOL_OUT_OF_LAYOUT + " order by model, appNumber",
                LayoutQuery.parameters(layout));
        return outside.stream()
                .map(a -> new OutOfLayout(a.pool, a.model, a.appNumber, a.backendPort, a.frontendPort, view))
                .toList();
    }

    private List<UnknownPool> unknownPools() {
        Set<String> configured = pools.all().stream().map(PoolLayout::name).collect(Collectors.toSet());
        List<Allocation> orphans = Allocation.list("pool not in ?1 order by pool, model, appNumber", configured);
        Map<String, List<PoolAllocation>> byPool = new LinkedHashMap<>();
        for (Allocation a : orphans) {
            byPool.computeIfAbsent(a.pool, pool -> new ArrayList<>())
                    .add(new PoolAllocation(a.model, a.appNumber, a.backendPort, a.frontendPort));
        }
        return byPool.entrySet().stream().map(entry -> new UnknownPool(entry.getKey(), entry.getValue())).toList();
    }
}
