package org.zstack.core.config;

import jakarta.persistence.*;

@Entity
@Table(name = "GlobalConfigVO")
public class GlobalConfigVO {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column
    private String name;
    @Column
    private String category;
    @Column
    private String description;
    @Column
    private String defaultValue;
    @Column(name = "value")
    private String value;

    public long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getDefaultValue() { return defaultValue; }
    public void setDefaultValue(String defaultValue) { this.defaultValue = defaultValue; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
}
