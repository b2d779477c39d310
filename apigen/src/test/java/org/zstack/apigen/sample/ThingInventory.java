package org.zstack.apigen.sample;

import org.zstack.header.Inventory;

import java.sql.Timestamp;
import java.util.List;

/** A thing. */
@Inventory(mappingVOClass = Object.class)
public class ThingInventory {
    public enum State { Enabled, Disabled }

    private String uuid;
    /** Its name. */
    private String name;
    private State state;
    private long size;
    private List<Part> parts;
    private Timestamp createDate;
}
