package org.zstack.apigen.sample;

/** A thing with more to it. */
public class BigThingInventory extends ThingInventory {
    private Integer weight;
}
