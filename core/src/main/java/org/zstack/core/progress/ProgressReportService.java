package org.zstack.core.progress;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.core.rest.RESTFacade;
import org.zstack.header.AbstractService;
import org.zstack.header.core.progress.*;
import org.zstack.header.message.Message;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Records the progress of long-running work under its API id and answers GetTaskProgress. */
public class ProgressReportService extends AbstractService {
    public static final String SERVICE_ID = "progress";

    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private RESTFacade restf;

    /** What an agent posts to sendcommand with commandpath /progress/report. */
    public static class ProgressReportCmd {
        public String apiId;
        public Integer progress;
        public String taskName;
        public Map<String, Object> detail;
    }

    @Override
    public boolean start() {
        restf.registerSyncHttpCallHandler("/progress/report", ProgressReportCmd.class, cmd -> {
            if (cmd.apiId != null && cmd.progress != null) {
                reportProgress(cmd.apiId, cmd.progress, cmd.taskName, cmd.detail);
            }
            return null;
        });
        return true;
    }

    @Override
    public String getId() {
        return SERVICE_ID;
    }

    /** A percentage (0-100) with what is happening; opaque carries structured detail (bytes, phase, disk N/M). */
    public void reportProgress(String apiId, int percent, String taskName, Map<String, Object> opaque) {
        TaskProgressVO vo = new TaskProgressVO();
        vo.setApiId(apiId);
        vo.setTaskName(taskName);
        vo.setType(TaskProgressType.Progress.toString());
        vo.setContent(String.valueOf(Math.max(0, Math.min(100, percent))));
        vo.setOpaque(opaque == null ? null : JSONObjectUtil.toJsonString(opaque));
        vo.setTime(System.currentTimeMillis());
        dbf.persist(vo);
    }

    @Override
    public void handleMessage(Message msg) {
        if (msg instanceof APIGetTaskProgressMsg m) {
            List<TaskProgressVO> vos = Q.New(TaskProgressVO.class).eq(TaskProgressVO_.apiId, m.getApiId())
                    .orderBy(TaskProgressVO_.id, false).list();
            if (!Boolean.TRUE.equals(m.getAll()) && !vos.isEmpty()) {
                vos = vos.subList(0, 1);
            }
            APIGetTaskProgressReply r = new APIGetTaskProgressReply();
            r.setInventories(vos.stream().map(TaskProgressInventory::valueOf).collect(Collectors.toList()));
            bus.reply(m, r);
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    public void deleteProgress(String apiId) {
        Q.New(TaskProgressVO.class).eq(TaskProgressVO_.apiId, apiId).delete();
    }
}
