@_exported import SiloGraph
@_exported import SiloIngest
@_exported import SiloMetrics
@_exported import SiloRender
@_exported import SiloReport
