// PhotoSync on Azure: a single-tenant Azure Bot (Teams channel), Azure Container Apps (2+ replicas),
// PostgreSQL Flexible Server, and a Key Vault holding the app certificate and the SSO token key,
// read by the container app's managed identity. Deploy with:
//   az deployment group create -g <resource group> -f deployment/azure/main.bicep -p @deployment/azure/main.parameters.json
// In two runs: the first creates the vault, the database and the environment; import the app's
// certificate into the vault (az keyvault certificate import --vault-name <keyVault output>
// --name photosync-certificate --file photosync.pem); the second, with certificateImported=true,
// adds the container app and the Azure Bot. Register the Entra app first (docs/deploy.md).

@description('Prefix of every resource name, 3-12 lowercase letters or digits.')
@minLength(3)
@maxLength(12)
param name string = 'photosync'

param location string = resourceGroup().location

@description('Directory (tenant) id of your Microsoft 365 tenant.')
param tenantId string = subscription().tenantId

@description('Application (client) id of the PhotoSync app registration; also the bot id.')
param clientId string

@description('e.g. https://contoso-my.sharepoint.com')
param mySiteHost string

@description('e.g. https://contoso-admin.sharepoint.com')
param adminHost string

@description('Organisation named in the SharePoint User-Agent (NONISV|org|PhotoSync/version).')
param organisation string

@description('Object ids of the Entra groups whose members are helpdesk operators, comma-separated.')
param operatorGroups string = ''

@description('The container image, e.g. ghcr.io/photosync/photosync:0.1.0')
param image string

@description('Administrator login of the PostgreSQL server.')
param databaseLogin string = 'photosync'

@secure()
@description('Administrator password of the PostgreSQL server.')
param databasePassword string

@secure()
@description('32 random bytes, base64 (openssl rand -base64 32): seals stored delegated tokens.')
param ssoTokenKey string

@description('Set to true once photosync-certificate is in the vault: adds the container app and the bot.')
param certificateImported bool = false

var suffix = uniqueString(resourceGroup().id)

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}-kv-${take(suffix, 6)}'
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

resource tokenKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'photosync-token-key'
  properties: { value: ssoTokenKey }
}

resource databasePasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'photosync-database-password'
  properties: { value: databasePassword }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: '${name}-pg-${take(suffix, 6)}'
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: databaseLogin
    administratorLoginPassword: databasePassword
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-12-01-preview' = {
  parent: postgres
  name: 'photosync'
}

resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2023-12-01-preview' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs-${take(suffix, 6)}'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = if (certificateImported) {
  name: name
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      ingress: { external: true, targetPort: 3978, transport: 'auto' }
      secrets: [
        { name: 'certificate', keyVaultUrl: '${vault.properties.vaultUri}secrets/photosync-certificate', identity: 'system' }
        { name: 'token-key', keyVaultUrl: tokenKeySecret.properties.secretUri, identity: 'system' }
        { name: 'database-password', keyVaultUrl: databasePasswordSecret.properties.secretUri, identity: 'system' }
      ]
    }
    template: {
      scale: { minReplicas: 2, maxReplicas: 4 }
      volumes: [
        { name: 'secrets', storageType: 'Secret', secrets: [
          { secretRef: 'certificate', path: 'certificate.pem' }
          { secretRef: 'token-key', path: 'token-key' }
        ] }
      ]
      containers: [
        {
          name: 'photosync'
          image: image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          volumeMounts: [ { volumeName: 'secrets', mountPath: '/mnt/secrets' } ]
          env: [
            { name: 'PHOTOSYNC_ENTRA_TENANT_ID', value: tenantId }
            { name: 'PHOTOSYNC_ENTRA_CLIENT_ID', value: clientId }
            { name: 'PHOTOSYNC_ENTRA_CERTIFICATE_PATH', value: '/mnt/secrets/certificate.pem' }
            { name: 'PHOTOSYNC_BOT_APP_ID', value: clientId }
            { name: 'PHOTOSYNC_BOT_PUBLIC_URL', value: 'https://${name}.${environment.properties.defaultDomain}' }
            { name: 'PHOTOSYNC_SHAREPOINT_MY_SITE_HOST', value: mySiteHost }
            { name: 'PHOTOSYNC_SHAREPOINT_ADMIN_HOST', value: adminHost }
            { name: 'PHOTOSYNC_SHAREPOINT_ORGANISATION', value: organisation }
            { name: 'PHOTOSYNC_HELPDESK_OPERATOR_GROUPS', value: operatorGroups }
            { name: 'PHOTOSYNC_SSO_TOKEN_KEY_PATH', value: '/mnt/secrets/token-key' }
            { name: 'SPRING_DATASOURCE_URL', value: 'jdbc:postgresql://${postgres.properties.fullyQualifiedDomainName}:5432/photosync?sslmode=require' }
            { name: 'SPRING_DATASOURCE_USERNAME', value: databaseLogin }
            { name: 'PHOTOSYNC_SANDBOX_ENABLED', value: 'false' }
            { name: 'SPRING_DATASOURCE_PASSWORD', secretRef: 'database-password' }
          ]
          probes: [
            { type: 'Readiness', httpGet: { path: '/readyz', port: 3978 }, initialDelaySeconds: 10, periodSeconds: 5 }
            { type: 'Liveness', httpGet: { path: '/livez', port: 3978 }, initialDelaySeconds: 30, periodSeconds: 10 }
          ]
        }
      ]
    }
  }
}

// The container app reads the vault's secrets (the certificate is exposed as a secret too).
resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (certificateImported) {
  scope: vault
  name: guid(vault.id, name, 'Key Vault Secrets User')
  properties: {
    principalId: app!.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

// Single-tenant bot: Microsoft stopped creating multi-tenant bots in 2025.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = if (certificateImported) {
  name: '${name}-bot-${take(suffix, 6)}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'PhotoSync'
    endpoint: 'https://${name}.${environment.properties.defaultDomain}/api/messages'
    msaAppId: clientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = if (certificateImported) {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output messagingEndpoint string = 'https://${name}.${environment.properties.defaultDomain}/api/messages'
output publicUrl string = 'https://${name}.${environment.properties.defaultDomain}'
output keyVault string = vault.name
