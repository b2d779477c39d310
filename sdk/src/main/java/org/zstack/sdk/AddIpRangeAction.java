package org.zstack.sdk;

public class AddIpRangeAction extends AbstractAction {
    public static class Result extends ActionResult<AddIpRangeResult, Result> {
    }

    @Param
    public String l3NetworkUuid;

    @Param(maxLength = 255)
    public String name;

    @Param(required = false, maxLength = 2048)
    public String description;

    @Param
    public String startIp;

    @Param
    public String endIp;

    @Param
    public String netmask;

    @Param
    public String gateway;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), AddIpRangeResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, AddIpRangeResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/l3-networks/{l3NetworkUuid}/ip-ranges", true, true, "params");
    }
}
