package dev.portalloc.allocation;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

import dev.portalloc.pool.PoolLayout;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The port pair that one key (pool, model, app number) holds. */
@Entity
@Table(name = "allocation")
public class Allocation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String pool;

    public String model;

    @Column(name = "app_number")
    public int appNumber;

    @Column(name = "backend_port")
    public int backendPort;

    @Column(name = "frontend_port")
    public int frontendPort;

    /** Set by PostgreSQL's clock, so replicas with skewed clocks agree on the order. */
    @Generated
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** A new, not yet persisted allocation of one slot of a pool's layout. */
    public static Allocation inSlot(PoolLayout layout, String model, int appNumber, int slot) {
        Allocation allocation = new Allocation();
        allocation.pool = layout.name();
        allocation.model = model;
        allocation.appNumber = appNumber;
        allocation.backendPort = layout.backendPort(slot);
        allocation.frontendPort = layout.frontendPort(slot);
        return allocation;
    }

    public static Optional<Allocation> findByKey(String pool, String model, int appNumber) {
        return find("pool = ?1 and model = ?2 and appNumber = ?3", pool, model, appNumber).firstResultOptional();
    }
}
