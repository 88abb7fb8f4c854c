package io.greenlight.approval;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ BusinessCalendar.class, ReviewProperties.class })
class ApprovalConfiguration {

}
