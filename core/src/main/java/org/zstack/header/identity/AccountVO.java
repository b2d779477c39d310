package org.zstack.header.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.zstack.header.vo.ResourceVO;

@Entity
@Table(name = "AccountVO")
public class AccountVO extends ResourceVO {
    @Column
    private String name;
    /** The SHA-512 hex of the password, as ZStack stores it. */
    @Column
    private String password;
    @Column
    private String type;
    @Column
    private String description;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
