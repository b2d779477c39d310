package org.zstack.sdk;

public class CreateL2NoVlanNetworkAction extends AbstractAction {
    public static class Result extends ActionResult<CreateL2NoVlanNetworkResult, Result> {
    }

    @Param(maxLength = 255)
    public String name;

    @Param(required = false, maxLength = 2048)
    public String description;

    @Param
    public String zoneUuid;

    @Param(maxLength = 1024)
    public String physicalInterface;

    @Param(required = false, validValues = {"LinuxBridge"})
    public String vSwitchType = "LinuxBridge";

    public Result call() {
        return fill(new Result(), ZSClient.call(this), CreateL2NoVlanNetworkResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, CreateL2NoVlanNetworkResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/l2-networks/no-vlan", true, true, "params");
    }
}
