package org.zstack.sdk;

public class AttachL2NetworkToClusterAction extends AbstractAction {
    public static class Result extends ActionResult<AttachL2NetworkToClusterResult, Result> {
    }

    @Param
    public String l2NetworkUuid;

    @Param
    public String clusterUuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), AttachL2NetworkToClusterResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, AttachL2NetworkToClusterResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/l2-networks/{l2NetworkUuid}/clusters/{clusterUuid}", true, true, "params");
    }
}
