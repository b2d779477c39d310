package org.zstack.compute.zone;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zstack.core.Platform;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.thread.MessageQueue;
import org.zstack.header.AbstractService;
import org.zstack.header.message.Message;
import org.zstack.header.zone.*;

import java.util.function.Consumer;

/** Zones: create, update, enable/disable, delete (with what depends on them, see ZoneDeletionExtensionPoint). */
public class ZoneManagerImpl extends AbstractService {
    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private MessageQueue queue;
    @Autowired
    private ApplicationContext context;

    @Override
    public String getId() {
        return ZoneConstant.SERVICE_ID;
    }

    @Override
    public void handleMessage(Message msg) {
        if (msg instanceof APICreateZoneMsg m) {
            handle(m);
        } else if (msg instanceof ZoneMessage zm) {
            // every change of one zone runs in that zone's queue, one at a time
            queue.run("zone-" + zm.getZoneUuid(), msg, () -> handleZoneMessage(msg));
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handleZoneMessage(Message msg) {
        if (msg instanceof APIUpdateZoneMsg m) {
            APIUpdateZoneEvent evt = new APIUpdateZoneEvent(m.getId());
            evt.setInventory(update(m.getUuid(), vo -> {
                if (m.getName() != null) {
                    vo.setName(m.getName());
                }
                if (m.getDescription() != null) {
                    vo.setDescription(m.getDescription());
                }
                if (m.getIsDefault() != null) {
                    vo.setDefault(m.getIsDefault());
                }
            }));
            bus.publish(evt);
        } else if (msg instanceof APIChangeZoneStateMsg m) {
            APIChangeZoneStateEvent evt = new APIChangeZoneStateEvent(m.getId());
            evt.setInventory(update(m.getUuid(),
                    vo -> vo.setState(m.getStateEvent().equals("enable") ? ZoneState.Enabled : ZoneState.Disabled)));
            bus.publish(evt);
        } else if (msg instanceof APIDeleteZoneMsg m) {
            handle(m);
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handle(APICreateZoneMsg msg) {
        ZoneVO vo = new ZoneVO();
        vo.setUuid(msg.getResourceUuid() != null ? msg.getResourceUuid() : Platform.getUuid());
        vo.setName(msg.getName());
        vo.setDescription(msg.getDescription());
        vo.setState(ZoneState.Enabled);
        vo.setType(ZoneConstant.ZSTACK_ZONE_TYPE);
        vo.setDefault(Boolean.TRUE.equals(msg.getIsDefault()));
        dbf.persist(vo);
        APICreateZoneEvent evt = new APICreateZoneEvent(msg.getId());
        evt.setInventory(ZoneInventory.valueOf(vo));
        bus.publish(evt);
    }

    private ZoneInventory update(String uuid, Consumer<ZoneVO> change) {
        return ZoneInventory.valueOf(dbf.updateById(ZoneVO.class, uuid, change));
    }

    private void handle(APIDeleteZoneMsg msg) {
        if (Q.New(ZoneVO.class).eq(ZoneVO_.uuid, msg.getUuid()).isExists()) {
            var extensions = context.getBeansOfType(ZoneDeletionExtensionPoint.class).values();
            for (ZoneDeletionExtensionPoint ext : extensions) {
                ext.zoneDeletionCheck(msg.getUuid(), msg.getDeletionMode());
            }
            for (ZoneDeletionExtensionPoint ext : extensions) {
                ext.deleteResourcesOfZone(msg.getUuid());
            }
            dbf.removeByPrimaryKey(msg.getUuid(), ZoneVO.class);
        }
        bus.publish(new APIDeleteZoneEvent(msg.getId()));
    }
}
