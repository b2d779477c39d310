package org.zstack.sdk;

/** The range is the CIDR's hosts minus the gateway: the first host address (default) or the last one. */
public class AddIpRangeByNetworkCidrAction extends AbstractAction {
    public static class Result extends ActionResult<AddIpRangeByNetworkCidrResult, Result> {
    }

    @Param
    public String l3NetworkUuid;

    @Param(maxLength = 255)
    public String name;

    @Param(required = false, maxLength = 2048)
    public String description;

    @Param
    public String networkCidr;

    @Param(required = false)
    public String gateway;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), AddIpRangeByNetworkCidrResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, AddIpRangeByNetworkCidrResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/l3-networks/{l3NetworkUuid}/ip-ranges/by-cidr", true, true, "params");
    }
}
