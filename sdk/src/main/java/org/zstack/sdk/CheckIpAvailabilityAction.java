package org.zstack.sdk;

public class CheckIpAvailabilityAction extends AbstractAction {
    public static class Result extends ActionResult<CheckIpAvailabilityResult, Result> {
    }

    @Param
    public String l3NetworkUuid;

    @Param
    public String ip;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), CheckIpAvailabilityResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, CheckIpAvailabilityResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/l3-networks/{l3NetworkUuid}/ip/{ip}/availability", true, false, null);
    }
}
