package org.zstack.sdk;

public class DetachL2NetworkFromClusterAction extends AbstractAction {
    public static class Result extends ActionResult<DetachL2NetworkFromClusterResult, Result> {
    }

    @Param
    public String l2NetworkUuid;

    @Param
    public String clusterUuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), DetachL2NetworkFromClusterResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, DetachL2NetworkFromClusterResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("DELETE", "/l2-networks/{l2NetworkUuid}/clusters/{clusterUuid}", true, true, null);
    }
}
