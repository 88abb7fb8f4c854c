package io.greenlight.project;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * After the demo data (order 100): every project's tenant matches its members, for
 * projects made before projects were tenants and for members written directly.
 */
@Component
@Order(200)
class ProjectTenantsAtStartup implements ApplicationRunner {

	private final ProjectTenants tenants;

	ProjectTenantsAtStartup(ProjectTenants tenants) {
		this.tenants = tenants;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		this.tenants.reconcile();
	}

}
