@_exported import SiloGraph
@_exported import SiloIngest
@_exported import SiloMetrics
@_exported import SiloRender
@_exported import SiloDesign
@_exported import SiloReport
