package dev.portalloc.pool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A pool's sequence row. Whoever changes the pool's allocations holds this row's lock first, so new allocations, releases
 * and imports of one pool run one at a time across all replicas.
 */
@Entity
@Table(name = "port_pool")
public class PortPool extends PanacheEntityBase {

    @Id
    public String name;

    /** SHA-256 of the layout that {@link #nextSlot} and the pool's free slots refer to. */
    public String layout;

    /** Slots below this have been handed out, skipped or listed as free. */
    @Column(name = "next_slot")
    public int nextSlot;
}
