package dev.portalloc.operations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.portalloc.allocation.Allocation;
import dev.portalloc.allocation.AllocationView;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Lists allocations page by page, sorted by pool, model and app number. */
@ApplicationScoped
class AllocationListing {

    /** The order of the key's unique index (pool, model, app_number), so PostgreSQL can read rows in index order. */
    private static final Sort KEY_ORDER = Sort.by("pool").and("model").and("appNumber");

    private final EntityManager entityManager;

    AllocationListing(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Returns one page of the allocations that match every given filter; a null filter matches everything. */
    @Transactional
    AllocationPage page(String pool, String model, Integer appNumber, PageRequest request) {
        ReadSnapshot.begin(entityManager);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        addFilter(conditions, parameters, "pool", pool);
        addFilter(conditions, parameters, "model", model);
        addFilter(conditions, parameters, "appNumber", appNumber);
        PanacheQuery<Allocation> query = conditions.isEmpty() ? Allocation.findAll(KEY_ORDER)
                : Allocation.find(String.join(" and ", conditions), KEY_ORDER, parameters);
        long total = query.count();
        List<AllocationView> items = query.page(Page.of(request.index(), request.size())).list().stream()
                .map(AllocationView::of)
                .toList();
        return new AllocationPage(items, total, request.index(), request.size());
    }

    private static void addFilter(List<String> conditions, Map<String, Object> parameters, String field, Object value) {
        if (value != null) {
            conditions.add(field + " = :" + field);
            parameters.put(field, value);
        }
    }
}
