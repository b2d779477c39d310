package org.zstack.sdk;

public class DetachPrimaryStorageFromClusterAction extends AbstractAction {
    public static class Result extends ActionResult<DetachPrimaryStorageFromClusterResult, Result> {
    }

    @Param
    public String clusterUuid;

    @Param
    public String primaryStorageUuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), DetachPrimaryStorageFromClusterResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, DetachPrimaryStorageFromClusterResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("DELETE", "/clusters/{clusterUuid}/primary-storage/{primaryStorageUuid}", true, true, null);
    }
}
