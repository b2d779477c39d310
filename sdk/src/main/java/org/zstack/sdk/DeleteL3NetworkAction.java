package org.zstack.sdk;

/** Permissive refuses while IPs of the network are in use; Enforcing releases them. */
public class DeleteL3NetworkAction extends AbstractAction {
    public static class Result extends ActionResult<DeleteL3NetworkResult, Result> {
    }

    @Param
    public String uuid;

    @Param(required = false, validValues = {"Permissive", "Enforcing"})
    public String deleteMode = "Permissive";

    public Result call() {
        return fill(new Result(), ZSClient.call(this), DeleteL3NetworkResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, DeleteL3NetworkResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("DELETE", "/l3-networks/{uuid}", true, true, null);
    }
}
