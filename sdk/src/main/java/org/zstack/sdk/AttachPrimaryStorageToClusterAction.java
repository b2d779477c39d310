package org.zstack.sdk;

public class AttachPrimaryStorageToClusterAction extends AbstractAction {
    public static class Result extends ActionResult<AttachPrimaryStorageToClusterResult, Result> {
    }

    @Param
    public String clusterUuid;

    @Param
    public String primaryStorageUuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), AttachPrimaryStorageToClusterResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, AttachPrimaryStorageToClusterResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/clusters/{clusterUuid}/primary-storage/{primaryStorageUuid}", true, true, "params");
    }
}
